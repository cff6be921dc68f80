package org.uepdeid.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.aggregate.ExactCells;
import org.uepdeid.jobs.aggregate.ProductPrivacy;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;

/**
 * How far a day's differentially private cells are from the exact ones: for each product and measure, the relative
 * error |published − exact| / exact over the cells with an exact value above zero, median and 90th percentile by the
 * cell's exact device count. A cell partition selection left out counts as published 0 (error 100 %); the exact values
 * are before the L0 subset, so its bias is in the figures too.
 */
final class AccuracyReport {

    /** Cell sizes by exact devices: [1, 10), [10, 100), [100, 1000), [1000, ∞). */
    private static final long[] SIZES = {1, 10, 100, 1_000};
    private static final String EXACT = "__exact_";

    private final SparkSession spark;
    private final PipelineConfig config;

    AccuracyReport(SparkSession spark, PipelineConfig config) {
        this.spark = spark;
        this.config = config;
    }

    void print(LocalDate date, PrintStream out) throws IOException {
        ExactCells day = ExactCells.ofDay(spark, config, date);
        List<ProductPrivacy> products = ProductPrivacy.of(config.aggregates(), day.classLabels());
        if (products.isEmpty()) {
            out.println("statistics are exact (aggregates.privacy.mechanism: none): no noise to measure");
            return;
        }
        out.printf("%nrelative error of the noisy cells against the exact ones (median / p90, cells), by exact devices:%n");
        out.printf("%-20s %-14s %-8s %-22s %-22s %-22s %-22s%n", "product", "measure", "stddev", "1-9 devices",
                "10-99", "100-999", ">= 1000");
        DataRoot root = new DataRoot(config.dataRoot());
        for (ProductPrivacy product : products) {
            Dataset<Row> exact = day.of(spark, date, product.product(), product.maxCellsPerDevice()).orElseThrow();
            List<String> dimensions = day.dimensions(product.product());
            List<String> measures = day.measures(product.product());
            List<Column> renamed = new ArrayList<>();
            dimensions.forEach(d -> renamed.add(col(d)));
            measures.forEach(m -> renamed.add(col(m).cast("double").as(EXACT + m)));
            List<Column> published = new ArrayList<>();
            dimensions.forEach(d -> published.add(col(d)));
            measures.forEach(m -> published.add(col(m).cast("double").as(m)));
            Dataset<Row> cells = exact.select(renamed.toArray(Column[]::new)).join(spark.read()
                            .parquet(root.publishedStats(product.product(), date).toString())
                            .select(published.toArray(Column[]::new)), dimensions.toArray(String[]::new), "left")
                    .select(measures.stream().flatMap(m -> Stream.of(
                            coalesce(col(m), lit(0.0)), col(EXACT + m))).toArray(Column[]::new));
            List<Row> rows = cells.collectAsList();
            for (int m = 0; m < measures.size(); m++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s %-14s %-8.1f ",
                        product.product(), measures.get(m),
                        product.measures().get(measures.get(m)).noise().standardDeviation()));
                for (int s = 0; s < SIZES.length; s++) {
                    long low = SIZES[s];
                    long high = s + 1 < SIZES.length ? SIZES[s + 1] : Long.MAX_VALUE;
                    List<Double> errors = new ArrayList<>();
                    for (Row row : rows) {
                        double devices = row.getDouble(1);
                        double exactValue = row.getDouble(2 * m + 1);
                        if (devices >= low && devices < high && exactValue > 0) {
                            errors.add(Math.abs(row.getDouble(2 * m) - exactValue) / exactValue);
                        }
                    }
                    line.append(String.format(Locale.ROOT, "%-22s ", errors.isEmpty() ? "-"
                            : String.format(Locale.ROOT, "%.1f%% / %.1f%% (%d)", 100 * quantile(errors, 0.5),
                                    100 * quantile(errors, 0.9), errors.size())));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }

    /** The q-quantile, the smallest value with at least q of the values at or below it. */
    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}

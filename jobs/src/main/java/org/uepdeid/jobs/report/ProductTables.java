package org.uepdeid.jobs.report;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.reports.ProductPreview;

/**
 * The first rows of each published statistics product, read with Spark from {@code published/stats} only: what an
 * affiliate receiving the product would see.
 */
final class ProductTables {

    /** The column every product has: the distinct devices of a cell (the aggregate job's threshold applies to it). */
    static final String DEVICES = "devices";

    private final SparkSession spark;
    private final DataRoot root;
    private final int rows;

    /** @param rows how many rows of each product to show */
    ProductTables(SparkSession spark, DataRoot root, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows to show must be at least 1, got " + rows);
        }
        this.spark = spark;
        this.root = root;
        this.rows = rows;
    }

    /** The product's largest cells by devices (ties in label order), with the manifest's cell counts. */
    ProductPreview preview(String product, RunManifest manifest, LocalDate date) {
        String source = root.publishedStats(product, date) + "/" + RunManifest.FILE_NAME;
        if (manifest.privacy() == null) {
            throw new UserInputException(source + ": has no privacy section; run aggregate again");
        }
        Dataset<Row> table = spark.read().parquet(root.publishedStats(product, date).toString());
        List<String> columns = Arrays.asList(table.columns());
        String ordering;
        if (columns.contains(DEVICES)) {
            List<Column> order = new ArrayList<>();
            order.add(col(DEVICES).desc());
            columns.stream().filter(c -> !c.equals(DEVICES)).forEach(c -> order.add(col(c).asc_nulls_last()));
            table = table.orderBy(order.toArray(Column[]::new));
            ordering = "largest cells by devices";
        } else {
            ordering = "in published order";
        }
        List<List<String>> shown = table.limit(rows).collectAsList().stream().map(ProductTables::texts).toList();
        JsonFields fields = JsonFields.of(source).in("privacy");
        return new ProductPreview(product, manifest.extra().containsKey("description")
                ? manifest.extra().get("description").asText() : "",
                manifest.outputs().stream().mapToLong(o -> o.rows()).sum(),
                fields.count(manifest.privacy(), "suppressed_cells"),
                fields.count(manifest.privacy(), "min_devices"), columns, shown, ordering);
    }

    /** A row as the report shows it: counts grouped, decimals without exponent, nulls empty. */
    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
            Object value = row.get(i);
            if (value == null) {
                texts.add("");
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                texts.add(String.format(Locale.ROOT, "%,d", ((Number) value).longValue()));
            } else if (value instanceof Double || value instanceof Float) {
                texts.add(BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString());
            } else {
                texts.add(value.toString());
            }
        }
        return texts;
    }
}

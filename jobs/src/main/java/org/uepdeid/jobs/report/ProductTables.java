package org.uepdeid.jobs.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.anonymizer.dp.ConfidenceInterval;
import org.uepdeid.anonymizer.dp.NoiseDistribution;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.aggregate.ProductPrivacy;
import org.uepdeid.jobs.config.AggregatesSection;
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
    private static final double CONFIDENCE = 0.95;

    private final SparkSession spark;
    private final DataRoot root;
    private final int rows;
    private final AggregatesSection aggregates;

    /**
     * @param rows       how many rows of each product to show
     * @param aggregates the statistics' differential privacy, whose noise gives each shown value its 95 % interval
     */
    ProductTables(SparkSession spark, DataRoot root, int rows, AggregatesSection aggregates) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows to show must be at least 1, got " + rows);
        }
        this.spark = spark;
        this.root = root;
        this.rows = rows;
        this.aggregates = aggregates;
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
        List<Row> top = table.limit(rows).collectAsList();
        List<List<String>> shown = top.stream().map(ProductTables::texts).toList();
        String description = manifest.extra().containsKey("description")
                ? manifest.extra().get("description").asText() : "";
        long published = manifest.outputs().stream().mapToLong(o -> o.rows()).sum();
        JsonNode dp = manifest.privacy().get("differential_privacy");
        if (dp != null && aggregates.privacy().differentiallyPrivate()) {
            return noisyPreview(product, description, published, columns, top, ordering, dp);
        }
        JsonFields fields = JsonFields.of(source).in("privacy");
        return new ProductPreview(product, description, published,
                fields.count(manifest.privacy(), "suppressed_cells"),
                fields.count(manifest.privacy(), "min_devices"), columns, shown, ordering);
    }

    /**
     * A differentially private product: each noisy measure shown with its 95 % interval for the exact value
     * ({@link NoiseDistribution#interval}, from the noise the config gives the product, which verify checked the
     * manifest declares), and what the product charged and the window has spent.
     */
    private ProductPreview noisyPreview(String product, String description, long published, List<String> columns,
                                        List<Row> top, String ordering, JsonNode dp) {
        Map<String, ProductPrivacy.MeasureNoise> measures = ProductPrivacy.of(aggregates, product).measures();
        List<String> shownColumns = new ArrayList<>(columns);
        List<String> noisy = measures.keySet().stream().filter(columns::contains).toList();
        noisy.forEach(m -> shownColumns.add(m + " (95 % interval)"));
        List<List<String>> shown = new ArrayList<>();
        for (Row row : top) {
            List<String> texts = new ArrayList<>(texts(row));
            for (String measure : noisy) {
                long value = Math.round(((Number) row.getAs(measure)).doubleValue());
                ConfidenceInterval interval = measures.get(measure).noise().interval(value, CONFIDENCE);
                texts.add(String.format(Locale.ROOT, "%,d–%,d", interval.low(), interval.high()));
            }
            shown.add(texts);
        }
        JsonNode spent = dp.path("spent");
        String guarantee = String.format(Locale.ROOT, "Differentially private (%s, %s accounting, unit: %s): every "
                        + "value is noisy, none is withheld by a threshold. This product charged ε %.3g; the window "
                        + "%s to %s has spent ε %.3g of the budget's %.3g.", dp.path("mechanism").asText(),
                dp.path("accounting").asText(), dp.path("unit").asText(), dp.path("epsilon").asDouble(),
                spent.path("from").asText(), spent.path("to").asText(), spent.path("epsilon").asDouble(),
                dp.path("budget").path("epsilon").asDouble());
        return new ProductPreview(product, description, published, 0, 0, shownColumns, shown, ordering, guarantee);
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

package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.anonymizer.dp.NoiseSampler;

/**
 * A product's cells under differential privacy (the counterpart of {@link CellSuppression}):
 * <ol>
 *   <li>bounds: one contribution per device and cell, each measure cut to its per-cell bound and floored to whole
 *       published units; a device in more than L0 cells keeps a random subset of L0;</li>
 *   <li>exact cells: the bounded contributions summed, distinct devices counted;</li>
 *   <li>noise: every measure of every cell gets one fresh draw, negatives clamped to zero. Each public cell of the
 *       domain is published, those no device fed included (as zeros plus noise); any other cell only if its noisy
 *       device count reaches the selection's threshold.</li>
 * </ol>
 * Nothing published depends on an exact value except through its noisy version: not which cells appear, not how many,
 * not their order (sorted by the published values). The exact cells are few (cells, not devices) and are noised on the
 * driver, where one sampler per measure draws from its own {@code SecureRandom}.
 */
final class NoisyCells {

    private final SparkSession spark;

    NoisyCells(SparkSession spark) {
        this.spark = spark;
    }

    /** The published cells of {@code product} in its declared schema, noisy. */
    Dataset<Row> cells(StatsProduct product, Dataset<Row> contributions, ProductPrivacy privacy) {
        Dataset<Row> bounded = ContributionBounds.limitCells(
                ContributionBounds.perDeviceAndCell(product, contributions, true),
                Math.toIntExact(privacy.maxCellsPerDevice()), new SecureRandom().nextLong());
        Map<List<String>, long[]> exact = new LinkedHashMap<>();
        for (Row row : exactCells(product, bounded).collectAsList()) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < product.dimensions().size(); i++) {
                labels.add(row.getString(i));
            }
            long[] values = new long[product.measureNames().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(product.dimensions().size() + i);
            }
            exact.put(labels, values);
        }
        return spark.createDataFrame(noisy(product, privacy, exact), schema(product));
    }

    /**
     * The exact bounded cells: the dimensions, then {@code devices} and each measure's sum, all bigint, then any
     * {@code more} aggregates over the same rows (one pass, not a second grouping joined back).
     */
    static Dataset<Row> exactCells(StatsProduct product, Dataset<Row> bounded, Column... more) {
        List<Column> sums = new ArrayList<>();
        sums.add(count(lit(1)).as(StatsProduct.DEVICES));
        product.measures().forEach(m -> sums.add(sum(m.name()).cast("long").as(m.name())));
        sums.addAll(List.of(more));
        return bounded.groupBy(product.dimensions().stream().map(d -> col(d)).toArray(Column[]::new))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    }

    private static List<Row> noisy(StatsProduct product, ProductPrivacy privacy, Map<List<String>, long[]> exact) {
        List<NoiseSampler> samplers = product.measureNames().stream()
                .map(m -> privacy.measures().get(m).noise().newSampler()).toList();
        long[] none = new long[samplers.size()];
        List<Row> rows = new ArrayList<>();
        Set<List<String>> publicCells = new HashSet<>(product.domain().publicCells());
        for (List<String> cell : product.domain().publicCells()) {
            rows.add(noisy(product, samplers, cell, exact.getOrDefault(cell, none)));
        }
        for (Map.Entry<List<String>, long[]> cell : exact.entrySet()) {
            if (publicCells.contains(cell.getKey())) {
                continue;
            }
            if (privacy.selection().isEmpty()) {
                // The vocabularies map every value into the domain: a cell outside it is a product defined wrongly.
                throw new IllegalStateException("product " + product.name() + ": a device fed a cell outside its "
                        + "closed domain of " + publicCells.size() + " cells");
            }
            Row row = noisy(product, samplers, cell.getKey(), cell.getValue());
            if (privacy.selection().get().keeps(row.getLong(product.dimensions().size()))) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** One cell with a fresh draw for each measure. */
    private static Row noisy(StatsProduct product, List<NoiseSampler> samplers, List<String> cell, long[] values) {
        List<Object> row = new ArrayList<>(cell);
        row.add(samplers.get(0).publish(values[0]));
        for (int i = 1; i < samplers.size(); i++) {
            long noisy = samplers.get(i).publish(values[i]);
            // Whole units throughout; a measure published as a decimal (minutes) shows them as such.
            row.add(product.measures().get(i - 1).publishedType().equals(DataTypes.LongType)
                    ? (Object) noisy : (Object) (double) noisy);
        }
        return RowFactory.create(row.toArray());
    }

    private static StructType schema(StatsProduct product) {
        StructType schema = new StructType();
        for (String dimension : product.dimensions()) {
            schema = schema.add(dimension, DataTypes.StringType);
        }
        schema = schema.add(StatsProduct.DEVICES, DataTypes.LongType);
        for (Measure measure : product.measures()) {
            schema = schema.add(measure.name(), measure.publishedType());
        }
        return schema;
    }
}

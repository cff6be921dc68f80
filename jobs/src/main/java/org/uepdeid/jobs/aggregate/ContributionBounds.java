package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.uepdeid.jobs.staging.StagingEvents;

/**
 * How much one device adds to a product: one contribution per device and cell, each measure cut to its bound
 * (L∞), and, under differential privacy, at most {@code max_cells_per_device} cells per device (L0).
 */
final class ContributionBounds {

    /** The label of an unknown value, or of one the anonymization generalized away or suppressed. */
    static final String NOT_DISCLOSED = "*";
    /** How many cells the device feeds before the L0 bound: what verify needs to tell a bounded cell from a cut one. */
    static final String DEVICE_CELLS = "_device_cells";

    private static final String DRAW = "_draw";
    private static final String PICK = "_pick";

    private ContributionBounds() {
    }

    /**
     * One row per device and cell: labels without nulls, each measure the device's sum cut to its bound. With
     * {@code wholePublishedUnits} each bounded sum is then floored to the published unit (whole minutes), so noise is
     * added to an integer of known sensitivity.
     */
    static Dataset<Row> perDeviceAndCell(StatsProduct product, Dataset<Row> contributions,
                                         boolean wholePublishedUnits) {
        List<Column> keys = new ArrayList<>();
        keys.add(col(StagingEvents.DEVICE_PSEUDONYM));
        product.dimensions().forEach(d -> keys.add(coalesce(col(d).cast("string"), lit(NOT_DISCLOSED)).as(d)));
        if (product.measures().isEmpty()) {
            return contributions.select(keys.toArray(Column[]::new)).distinct();
        }
        // Each sum is cut to [0, bound]. A sum over nothing but nulls is null, and least() skips nulls: without the
        // coalesce such a device would count for the whole bound.
        List<Column> bounded = product.measures().stream().map(m -> {
            Column cut = least(greatest(coalesce(sum(m.name()), lit(0L)), lit(0L)), lit(m.maxPerDevice()));
            return (wholePublishedUnits ? floor(cut.divide(m.unitsPerPublished())).cast("long") : cut).as(m.name());
        }).toList();
        return contributions.groupBy(keys.toArray(Column[]::new))
                .agg(bounded.get(0), bounded.subList(1, bounded.size()).toArray(Column[]::new));
    }

    /**
     * The per-device rows with {@value #DEVICE_CELLS}, the cells each device feeds, for verify's exact cells: a cell
     * none of whose devices was over L0 is one the bound left whole.
     */
    static Dataset<Row> withDeviceCells(Dataset<Row> perDevice) {
        return perDevice.withColumn(DEVICE_CELLS,
                count(lit(1)).over(Window.partitionBy(StagingEvents.DEVICE_PSEUDONYM)));
    }

    /**
     * At most {@code maxCells} of each device's rows, a uniformly random subset for a device over it. The choice only
     * has to be independent of other devices' data for the bound to hold, so Spark's seeded {@code rand} serves; its
     * seed is fresh for every release ({@code seed} comes from {@code SecureRandom}), never derived from the data.
     */
    static Dataset<Row> limitCells(Dataset<Row> perDevice, int maxCells, long seed) {
        return perDevice.withColumn(DRAW, rand(seed))
                .withColumn(PICK, row_number().over(Window.partitionBy(StagingEvents.DEVICE_PSEUDONYM)
                        .orderBy(DRAW)))
                .filter(col(PICK).leq(maxCells)).drop(PICK, DRAW);
    }
}

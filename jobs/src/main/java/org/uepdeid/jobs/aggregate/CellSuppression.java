package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.uepdeid.jobs.staging.StagingEvents;

/**
 * Turns a product's contributions into its cells, each with a {@link CellStatus}: the one rule every published
 * statistic passes.
 *
 * <ol>
 *   <li>Per device: a device's rows in one cell become one contribution, each measure cut to its bound, so a cell's
 *       {@value StatsProduct#DEVICES} counts distinct devices and no device adds more than the bound to a sum.</li>
 *   <li>Threshold: a cell of fewer than min_devices devices is {@link CellStatus#BELOW_MIN_DEVICES}.</li>
 *   <li>Complementary suppression: a margin's total can be known (the manifests state the input row counts, and one
 *       product's total is another's), so whatever a margin does not publish can be had by subtraction. The
 *       unpublished part of a margin must therefore be nothing, or at least two cells that together hold at least
 *       min_devices distinct devices. When the cells below the threshold fall short of that, the margin's smallest
 *       published cell (fewest devices, ties broken by its labels so re-runs agree) is withheld too; that one cell
 *       suffices, as it alone holds min_devices devices. A margin with no published cell stays wholly unpublished.</li>
 * </ol>
 *
 * <p>Null dimension values become {@value #NOT_DISCLOSED}, the label the classes use for a value generalized away.
 */
final class CellSuppression {

    /** The label of an unknown value, or of one the anonymization generalized away or suppressed. */
    static final String NOT_DISCLOSED = ContributionBounds.NOT_DISCLOSED;
    static final String STATUS = "_cell_status";

    private static final String MARGIN = "_margin";
    private static final String CELL_DEVICES = "_cell_devices";
    private static final String BELOW_CELLS = "_below_cells";
    private static final String BELOW_DEVICES = "_below_devices";
    private static final String SIZE_THEN_LABELS = "_size_then_labels";
    private static final String SMALLEST_PUBLISHED = "_smallest_published";

    private final int minDevices;

    CellSuppression(int minDevices) {
        if (minDevices < 2) {
            throw new IllegalArgumentException("min_devices must be at least 2, got " + minDevices);
        }
        this.minDevices = minDevices;
    }

    /**
     * The cells of {@code product}: its dimensions, {@value StatsProduct#DEVICES}, each measure's bounded sum (in the
     * contribution's unit) and {@value #STATUS}.
     */
    Dataset<Row> cells(StatsProduct product, Dataset<Row> contributions) {
        Column[] dimensions = product.dimensions().stream().map(d -> col(d)).toArray(Column[]::new);
        Dataset<Row> perDevice = ContributionBounds.perDeviceAndCell(product, contributions, false)
                .withColumn(MARGIN, marginKey(product))
                .withColumn(CELL_DEVICES, count(lit(1)).over(Window.partitionBy(dimensions)));
        // What subtraction from a margin's total would reveal: its cells below the threshold and their devices.
        Dataset<Row> below = perDevice.filter(col(CELL_DEVICES).lt(minDevices)).groupBy(MARGIN).agg(
                count_distinct(dimensions[0], Arrays.copyOfRange(dimensions, 1, dimensions.length)).as(BELOW_CELLS),
                count_distinct(col(StagingEvents.DEVICE_PSEUDONYM)).as(BELOW_DEVICES));

        List<Column> sums = new ArrayList<>();
        sums.add(count(lit(1)).as(StatsProduct.DEVICES));
        product.measures().forEach(m -> sums.add(sum(m.name()).as(m.name())));
        Dataset<Row> cells = perDevice.groupBy(Stream.concat(Stream.of(col(MARGIN)), Arrays.stream(dimensions))
                        .toArray(Column[]::new))
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
                .withColumn(SIZE_THEN_LABELS, struct(Stream.concat(Stream.of(col(StatsProduct.DEVICES)),
                        Arrays.stream(dimensions)).toArray(Column[]::new)));
        // Structs compare field by field: the fewest devices, then the labels, so re-runs withhold the same cell.
        Dataset<Row> smallestPublished = cells.filter(col(StatsProduct.DEVICES).geq(minDevices))
                .groupBy(MARGIN).agg(min(SIZE_THEN_LABELS).as(SMALLEST_PUBLISHED));
        Column isBelow = col(StatsProduct.DEVICES).lt(minDevices);
        // A margin without cells below the threshold has no row in `below`: null counts, and nothing withheld.
        Column belowFallsShort = col(BELOW_CELLS).isNotNull()
                .and(col(BELOW_CELLS).equalTo(1).or(col(BELOW_DEVICES).lt(minDevices)));
        return cells.join(below, new String[] {MARGIN}, "left")
                .join(smallestPublished, new String[] {MARGIN}, "left")
                .withColumn(STATUS, when(isBelow, CellStatus.BELOW_MIN_DEVICES.code())
                        .when(col(SIZE_THEN_LABELS).equalTo(col(SMALLEST_PUBLISHED)).and(belowFallsShort),
                                CellStatus.COMPLEMENTARY.code())
                        .otherwise(CellStatus.PUBLISHED.code()))
                .drop(MARGIN, SIZE_THEN_LABELS, BELOW_CELLS, BELOW_DEVICES, SMALLEST_PUBLISHED);
    }

    /** The margin a cell belongs to: the product's name and the values of its margin dimensions. */
    private static Column marginKey(StatsProduct product) {
        List<Column> parts = new ArrayList<>();
        parts.add(lit(product.name()));
        product.margins().forEach(m -> parts.add(col(m)));
        return array(parts.toArray(Column[]::new));
    }
}

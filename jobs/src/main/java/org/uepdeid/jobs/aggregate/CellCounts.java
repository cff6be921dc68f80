package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How many cells of a product were published or suppressed, and why.
 *
 * @param suppressedDeviceCells the devices of the suppressed cells, a device once per cell: for the log only, since a
 *                              published figure of it could single out a margin's one suppressed cell
 * @param minPublishedDevices   the devices of the smallest published cell, or 0 when none was published
 */
record CellCounts(long published, long belowMinDevices, long complementary, long suppressedDeviceCells,
                  long minPublishedDevices) {

    /** Counts the cells {@link CellSuppression#cells} produced, in one pass. */
    static CellCounts of(Dataset<Row> cells) {
        Map<CellStatus, Row> byStatus = new EnumMap<>(CellStatus.class);
        for (Row row : cells.groupBy(CellSuppression.STATUS)
                .agg(count(lit(1)), sum(StatsProduct.DEVICES), min(StatsProduct.DEVICES))
                .collectAsList()) {
            byStatus.put(CellStatus.ofCode(row.getString(0)), row);
        }
        Row published = byStatus.get(CellStatus.PUBLISHED);
        return new CellCounts(cells(byStatus, CellStatus.PUBLISHED), cells(byStatus, CellStatus.BELOW_MIN_DEVICES),
                cells(byStatus, CellStatus.COMPLEMENTARY),
                devices(byStatus, CellStatus.BELOW_MIN_DEVICES) + devices(byStatus, CellStatus.COMPLEMENTARY),
                published == null ? 0 : published.getLong(3));
    }

    long suppressed() {
        return belowMinDevices + complementary;
    }

    private static long cells(Map<CellStatus, Row> byStatus, CellStatus status) {
        Row row = byStatus.get(status);
        return row == null ? 0 : row.getLong(1);
    }

    private static long devices(Map<CellStatus, Row> byStatus, CellStatus status) {
        Row row = byStatus.get(status);
        return row == null ? 0 : row.getLong(2);
    }
}

package org.uepdeid.jobs.layout;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The order every published output is written in: ascending by its published columns, in schema order (Spark's
 * ordering: strings by their UTF-8 bytes, nulls first). Row position, file boundaries and row groups then follow from
 * the published values alone, so a recipient who keeps every day's files cannot link rows across days by position:
 * nothing of the pseudonyms or of the input order is left in them. Rows that compare equal are identical, so how Spark
 * breaks ties carries nothing either.
 */
public final class PublishedOrder {

    /** Up to this many rows go in one file; more are split into ranges of the sort key, one file each. */
    static final long ROWS_PER_FILE = 5_000_000;

    private PublishedOrder() {
    }

    /** {@code rows} sorted by all their columns, in as many files as {@code expectedRows} needs. */
    public static Dataset<Row> sorted(Dataset<Row> rows, long expectedRows) {
        Column[] key = key(rows);
        int files = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (expectedRows + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
        return rows.repartitionByRange(files, key).sortWithinPartitions(key);
    }

    /** The sort key of a published output: every column, in schema order, ascending with nulls first. */
    public static Column[] key(Dataset<Row> rows) {
        return Arrays.stream(rows.columns()).map(c -> functions.col(c).asc_nulls_first()).toArray(Column[]::new);
    }
}

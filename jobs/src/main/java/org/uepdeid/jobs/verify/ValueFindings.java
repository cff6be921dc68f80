package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Published values a scan flagged, summarized for a report: how many per column (and kind), and a masked sample.
 * Only the summary reaches the driver, whatever the number of offending values.
 *
 * @param count   distinct offending (column, value) pairs
 * @param where   e.g. {@code "ipv4 in region: 2"}, one entry per column and kind
 * @param sample  masked values, at most {@link CheckResult#MAX_SAMPLE}
 */
record ValueFindings(long count, List<String> where, List<String> sample) {

    ValueFindings {
        where = List.copyOf(where);
        sample = List.copyOf(sample);
    }

    /**
     * Summarizes {@code flagged}, rows of {@link Evidence#COLUMN} and {@link Evidence#VALUE}, grouped by the column
     * and, when given, by a column naming the kind of finding.
     */
    static ValueFindings of(Dataset<Row> flagged, Column kind) {
        Column kindOrNone = kind == null ? lit("") : kind;
        List<Row> groups = flagged.groupBy(col(Evidence.COLUMN), kindOrNone.as("kind"))
                .agg(functions.count(lit(1)), min(Evidence.VALUE), max(Evidence.VALUE))
                .orderBy(col(Evidence.COLUMN), col("kind")).collectAsList();
        long total = 0;
        List<String> where = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        for (Row row : groups) {
            long n = row.getLong(2);
            total += n;
            where.add((row.getString(1).isEmpty() ? "" : row.getString(1) + " in ") + row.getString(0) + ": " + n);
            for (String value : n > 1 ? List.of(row.getString(3), row.getString(4)) : List.of(row.getString(3))) {
                if (sample.size() < CheckResult.MAX_SAMPLE) {
                    sample.add(SampleMask.mask(value));
                }
            }
        }
        return new ValueFindings(total, where, sample);
    }

    /** The findings for a detail line, or {@code none}. */
    String summary() {
        return where.isEmpty() ? "none" : String.join("; ", where);
    }
}

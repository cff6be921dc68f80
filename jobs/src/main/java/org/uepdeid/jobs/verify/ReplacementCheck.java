package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A replacement release of a day, without differential privacy, against the release it replaces: the two are releases
 * of the same people, and whoever holds both can subtract them. A class or cell that changed by more than zero but
 * fewer than the threshold (k for microdata, {@code min_devices} for statistics) singles out those few devices —
 * an erased device's tuple, its sessions, its settings. Such a replacement fails; the old release stands.
 *
 * <p>Classes are counted over the published quasi-identifiers, both releases alike; a class absent from one release
 * holds no record there. A statistics cell absent from one release was withheld, so it held from 0 to
 * {@code min_devices − 1} devices: the smallest change both releases admit is what counts.
 */
final class ReplacementCheck {

    static final String NAME = "replacement_differencing";
    private static final String OLD = "__old";
    private static final String NEW = "__new";
    private static final String CHANGE = "__change";

    /** Compares {@code evidence} (the new release's output) with {@code previous} (the same output as published). */
    CheckResult compare(Evidence evidence, Dataset<Row> previous, String replaced) {
        boolean microdata = evidence.output().kind() == OutputKind.MICRODATA;
        List<String> keys = microdata ? evidence.presentQuasiIdentifiers() : StatisticsCells.dimensions(evidence);
        int threshold = microdata ? evidence.policy().k() : evidence.policy().minDevices();
        if (keys.isEmpty() || !List.of(previous.columns()).containsAll(keys)) {
            return CheckResult.notMeasured(NAME, evidence.target(), threshold,
                    "the release it replaces does not have the same " + (microdata ? "quasi-identifiers" : "cells"));
        }
        Dataset<Row> before = sizes(previous, keys, microdata, OLD);
        Dataset<Row> after = sizes(evidence.rows(), keys, microdata, NEW);
        Column change;
        if (microdata) {
            change = abs(coalesce(col(NEW), lit(0L)).minus(coalesce(col(OLD), lit(0L))));
        } else {
            // Withheld on one side: it held at most threshold - 1 there, so it changed by at least v - (threshold - 1).
            Column bothPublished = abs(col(NEW).minus(col(OLD)));
            Column oneWithheld = coalesce(col(NEW), col(OLD)).minus(threshold - 1);
            change = when(col(NEW).isNotNull().and(col(OLD).isNotNull()), bothPublished).otherwise(oneWithheld);
        }
        Dataset<Row> compared = before.join(after, keys.toArray(String[]::new), "full_outer").withColumn(CHANGE, change);
        Dataset<Row> singledOut = compared.filter(col(CHANGE).gt(0).and(col(CHANGE).lt(threshold)));
        long offending = singledOut.count();
        long all = compared.count();
        List<String> sample = SampleMask.tuples(singledOut, keys);
        String unit = microdata ? "classes" : "cells";
        return new CheckResult(NAME, evidence.target(), offending, threshold, offending == 0, offending == 0
                ? "none of " + all + " " + unit + " changed by 1 to " + (threshold - 1) + " devices against release "
                        + replaced
                : offending + " of " + all + " " + unit + " changed by 1 to " + (threshold - 1) + " devices against "
                        + "release " + replaced + ": subtracting the two releases singles those devices out; "
                        + "replace a day only under differential privacy, or when each change involves at least "
                        + threshold + " devices", sample);
    }

    private static Dataset<Row> sizes(Dataset<Row> rows, List<String> keys, boolean microdata, String as) {
        Column[] by = keys.stream().map(k -> col(k)).toArray(Column[]::new);
        if (microdata) {
            return rows.groupBy(by).agg(count(lit(1)).as(as));
        }
        List<Column> cells = new ArrayList<>(List.of(by));
        cells.add(col(StatisticsCells.DEVICES).cast("long").as(as));
        return rows.select(cells.toArray(Column[]::new));
    }
}

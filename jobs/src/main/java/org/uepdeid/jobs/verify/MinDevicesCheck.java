package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Statistics: every published cell counts at least the policy's {@code min_devices} distinct devices. */
final class MinDevicesCheck implements Check {

    static final String NAME = "min_devices";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        if (evidence.output().kind() != OutputKind.STATISTICS) {
            return List.of();
        }
        int minDevices = evidence.policy().minDevices();
        if (evidence.policy().differentiallyPrivate()) {
            return List.of(CheckResult.of(NAME, evidence.target(), "not applicable", null, true,
                    "differentially private cells: no threshold applies, any cell may be small or zero"));
        }
        if (!evidence.columns().contains(StatisticsCells.DEVICES)) {
            return List.of(CheckResult.notMeasured(NAME, evidence.target(), minDevices,
                    "no '" + StatisticsCells.DEVICES + "' column: the cells' distinct devices are not published"));
        }
        Column devices = col(StatisticsCells.DEVICES).cast("long");
        Row summary = evidence.rows().agg(min(devices), count(lit(1))).first();
        if (summary.getLong(1) == 0) {
            return List.of(CheckResult.of(NAME, evidence.target(), "no cell", minDevices, true,
                    "no cell is published"));
        }
        Dataset<Row> below = evidence.rows().filter(devices.isNull().or(devices.lt(minDevices)));
        long belowCount = below.count();
        List<String> dimensions = StatisticsCells.dimensions(evidence);
        List<String> sample = SampleMask.tuples(below, dimensions);
        Object smallest = summary.isNullAt(0) ? "null" : summary.getLong(0);
        return List.of(new CheckResult(NAME, evidence.target(), smallest, minDevices, belowCount == 0,
                belowCount + " of " + summary.getLong(1) + " published cells count fewer than " + minDevices
                        + " devices", sample));
    }
}

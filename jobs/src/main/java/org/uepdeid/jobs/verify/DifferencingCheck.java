package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.uepdeid.jobs.manifest.DatasetCount;

/**
 * Statistics: no cell can be had by subtracting published cells from a total that is public.
 *
 * <p>A product read from one row per device (staging/classes or staging/profiles) puts every device in exactly one
 * cell of each margin (the whole product, or each value of the manifest's {@code margin_by}, e.g. each setting), and
 * its manifest publishes that row count. So each margin's withheld devices are the count minus the margin's published
 * devices. If that difference is positive but below {@code min_devices}, subtraction isolates fewer devices than a
 * cell may hold: a suppressed cell, or a handful of them, is derived. It fails, as does a margin publishing more
 * devices than exist. A device without a value in a margin (a setting not reported) counts as withheld: the scan
 * errs on the side of blocking.
 *
 * <p>The withheld figures themselves are not reported: they are the devices of suppressed cells.
 *
 * <p>Products over events count a device in many cells and state no per-margin total: not applicable, and said so.
 */
final class DifferencingCheck implements Check {

    static final String NAME = "differencing";
    private static final List<String> PER_DEVICE_INPUTS = List.of("staging/classes", "staging/profiles");

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        PublishedOutput output = evidence.output();
        if (output.kind() != OutputKind.STATISTICS) {
            return List.of();
        }
        int minDevices = evidence.policy().minDevices();
        if (evidence.policy().differentiallyPrivate()) {
            return List.of(CheckResult.of(NAME, evidence.target(), "not applicable", null, true,
                    "differentially private cells: no threshold applies, any cell may be small or zero"));
        }
        if (!output.hasManifest() || output.manifest().inputs().size() != 1
                || !evidence.columns().contains(StatisticsCells.DEVICES)) {
            return List.of(CheckResult.notMeasured(NAME, evidence.target(), minDevices,
                    "needs a manifest with one input and a '" + StatisticsCells.DEVICES + "' column"));
        }
        DatasetCount input = output.manifest().inputs().get(0);
        if (!isPerDevice(input, output)) {
            return List.of(CheckResult.of(NAME, evidence.target(), "not applicable", null, true,
                    "cells over events count a device in several cells and no margin total is published"));
        }
        List<String> margins = margins(output.manifest().privacy(), evidence.columns());
        Column[] keys = margins.stream().map(m -> col(m)).toArray(Column[]::new);
        long devices = input.rows();
        long derivable = 0;
        long marginCount = 0;
        List<String> sample = new ArrayList<>();
        for (Row margin : evidence.rows().groupBy(keys).agg(sum(col(StatisticsCells.DEVICES).cast("long")))
                .collectAsList()) {
            marginCount++;
            long published = margin.isNullAt(margins.size()) ? 0 : margin.getLong(margins.size());
            long withheld = devices - published;
            if (withheld < 0 || withheld > 0 && withheld < minDevices) {
                derivable++;
                if (sample.size() < CheckResult.MAX_SAMPLE && !margins.isEmpty()) {
                    List<String> labels = new ArrayList<>();
                    for (int i = 0; i < margins.size(); i++) {
                        labels.add(String.valueOf(margin.get(i)));
                    }
                    sample.add(SampleMask.maskTuple(labels));
                }
            }
        }
        return List.of(new CheckResult(NAME, evidence.target(), derivable, 0, derivable == 0,
                marginCount + " margin(s) " + (margins.isEmpty() ? "(the whole product)" : "by " + margins)
                        + " over " + devices + " devices (the manifest's input rows); " + derivable
                        + " withhold between 1 and " + (minDevices - 1) + " devices, or publish more than exist",
                sample));
    }

    private static boolean isPerDevice(DatasetCount input, PublishedOutput output) {
        String path = new Path(input.path()).toUri().getPath();
        return PER_DEVICE_INPUTS.stream().anyMatch(zone -> path.endsWith("/" + zone + "/dt=" + output.date()));
    }

    /** The manifest's {@code complementary_suppression.margin_by}: none means the whole product is one margin. */
    private static List<String> margins(JsonNode privacy, List<String> columns) {
        List<String> margins = new ArrayList<>();
        if (privacy != null) {
            privacy.path("complementary_suppression").path("margin_by").forEach(m -> margins.add(m.asText()));
        }
        return margins.stream().filter(columns::contains).toList();
    }
}

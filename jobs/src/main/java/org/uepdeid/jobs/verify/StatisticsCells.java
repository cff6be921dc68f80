package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How the statistics checks read a product: its cells' label columns and the column counting distinct devices, as the
 * aggregate job's manifests declare them.
 */
final class StatisticsCells {

    /** The distinct devices of a cell: the figure min_devices applies to. */
    static final String DEVICES = "devices";

    private StatisticsCells() {
    }

    /** The label columns: the manifest's {@code dimensions}, else every published string column. */
    static List<String> dimensions(Evidence evidence) {
        List<String> dimensions = new ArrayList<>();
        JsonNode declared = evidence.output().hasManifest()
                ? evidence.output().manifest().extra().get("dimensions") : null;
        if (declared != null && declared.isArray()) {
            declared.forEach(d -> dimensions.add(d.asText()));
            return dimensions.stream().filter(evidence.columns()::contains).toList();
        }
        for (var field : evidence.rows().schema().fields()) {
            if (field.dataType().simpleString().equals("string")) {
                dimensions.add(field.name());
            }
        }
        return dimensions;
    }
}

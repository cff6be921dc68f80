package org.uepdeid.jobs.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * The {@code erasure} section an erasure adds to the manifest of each partition it rewrote: counts and times only,
 * never which devices.
 *
 * <p>The rest of the manifest stays as the job that wrote the partition left it, its accounting and row counts
 * included: they record that run. The rows now in the partition are its output's rows minus
 * {@code erasure.rows_removed}, the total over every erasure.
 */
public final class ErasureSection {

    public static final String KEY = "erasure";

    private ErasureSection() {
    }

    /** {@code manifest} with its erasure section updated by one more erasure of {@code rowsRemoved} rows. */
    public static RunManifest recordIn(RunManifest manifest, long rowsRemoved, Instant at, String runId) {
        JsonNode previous = manifest.extra().get(KEY);
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        section.put("rows_removed", rowsRemoved + (previous == null ? 0 : previous.path("rows_removed").asLong()));
        section.put("erasures", 1 + (previous == null ? 0 : previous.path("erasures").asInt()));
        section.put("last_erased_at", at.toString());
        section.put("last_rows_removed", rowsRemoved);
        section.put("last_run_id", runId);
        Map<String, JsonNode> extra = new LinkedHashMap<>(manifest.extra());
        extra.put(KEY, section);
        return new RunManifest(manifest.runId(), manifest.job(), manifest.date(), manifest.codeVersion(),
                manifest.configSha256(), manifest.inputs(), manifest.outputs(), manifest.accounting(),
                manifest.privacy(), manifest.verification(), extra);
    }
}

package org.uepdeid.jobs.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.uepdeid.jobs.manifest.CodeVersion;

/**
 * The {@code _manifest.json} beside a generated landing day (readers of {@code *.jsonl} skip it): the shared
 * run-manifest keys, the parameters, the lines by kind, and the accounting ingest should arrive at.
 */
final class LandingManifest {

    private LandingManifest() {
    }

    static String json(String runId, String configSha256, GenerateRequest request, GeneratorConfig config,
                       int ipBlocks, DaySummary day) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode();
        manifest.put("run_id", runId);
        manifest.put("job", "generate");
        manifest.put("date", day.day().toString());
        manifest.put("code_version", CodeVersion.current());
        manifest.put("config_sha256", configSha256);
        manifest.putArray("inputs").addObject().put("path", config.ipRegions().toAbsolutePath().toString())
                .put("rows", ipBlocks);
        manifest.putArray("outputs").addObject().put("path", day.folder()).put("rows", day.lines());
        ObjectNode parameters = manifest.putObject("parameters");
        parameters.put("seed", request.seed());
        parameters.put("devices", request.devices());
        parameters.put("bad_share", request.badShare());
        parameters.put("devices_per_file", config.devicesPerFile());
        ObjectNode kinds = manifest.putObject("lines_by_kind");
        day.linesByKind().forEach(kinds::put);
        manifest.set("expected_accounting", expectedAccounting(json, day));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the landing manifest", e);
        }
    }

    /** The accounting of the architecture's manifest, as ingest should report it for this day. */
    private static ObjectNode expectedAccounting(ObjectMapper json, DaySummary day) {
        Map<String, Long> kinds = day.linesByKind();
        ObjectNode accounting = json.createObjectNode();
        accounting.put("input_lines", day.lines());
        long accepted = 0;
        for (EventType type : EventType.values()) {
            accepted += kinds.getOrDefault(type.wireName(), 0L);
        }
        accounting.put("accepted", accepted);
        ObjectNode quarantined = accounting.putObject("quarantined");
        kinds.forEach((kind, count) -> {
            if (kind.startsWith(DaySummary.BAD_PREFIX)) {
                quarantined.put(kind.substring(DaySummary.BAD_PREFIX.length()), count);
            }
        });
        accounting.put("no_consent", kinds.getOrDefault(Outcome.CONSENT_DISABLED.label(), 0L)
                + kinds.getOrDefault(Outcome.CONSENT_MISSING.label(), 0L)
                + kinds.getOrDefault(Outcome.CONSENT_OUTDATED.label(), 0L));
        accounting.put("minors", kinds.getOrDefault(Outcome.MINOR.label(), 0L));
        accounting.put("erased", 0);
        accounting.put("duplicates", kinds.getOrDefault(Outcome.DUPLICATE.label(), 0L));
        return accounting;
    }
}

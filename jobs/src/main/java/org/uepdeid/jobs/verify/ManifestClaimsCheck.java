package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * What the manifest claims about the release, against the policy and against what verify measured.
 *
 * <p>Microdata: the quasi-identifiers, sensitive column, models and suppression limit are the policy's; the claimed
 * k is met by the smallest class; {@code min_class_size}, {@code suppressed_records} and the risk figures are the
 * measured ones; every level lies within its hierarchy's height (the levels check confirms the labels).
 * Statistics: {@code min_devices} is not below the policy's; {@code published_cells} and
 * {@code min_published_devices} are what was published. Both: the manifest names the job of its zone.
 */
final class ManifestClaimsCheck implements Check {

    static final String NAME = "manifest_claims";
    private static final String DEVICES = "devices";
    private static final JsonMapper JSON = new JsonMapper();

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        PublishedOutput output = evidence.output();
        if (output.kind() == OutputKind.OTHER) {
            return List.of();
        }
        if (!output.hasManifest() || output.manifest().privacy() == null) {
            return List.of(CheckResult.of(NAME, evidence.target(), "no claims", null, false,
                    output.hasManifest() ? "the manifest has no privacy section" : output.manifestProblem()));
        }
        List<String> falseClaims = new ArrayList<>();
        JsonNode privacy = output.manifest().privacy();
        String job = output.kind() == OutputKind.MICRODATA ? "anonymize" : "aggregate";
        claim(falseClaims, "job", job, output.manifest().job());
        if (output.kind() == OutputKind.MICRODATA) {
            microdata(evidence, privacy, falseClaims);
        } else {
            statistics(evidence, privacy, falseClaims);
        }
        return List.of(CheckResult.of(NAME, evidence.target(), falseClaims.size(), 0, falseClaims.isEmpty(),
                falseClaims.isEmpty() ? "every claim checked holds"
                        : "false claims: " + String.join("; ", falseClaims)));
    }

    private static void microdata(Evidence evidence, JsonNode privacy, List<String> falseClaims) {
        DeclaredPolicy policy = evidence.policy();
        ClassSizes classes = evidence.classes().orElseThrow();
        claim(falseClaims, "quasi_identifiers", JSON.valueToTree(policy.quasiIdentifiers()),
                privacy.path("quasi_identifiers"));
        claim(falseClaims, "sensitive", policy.sensitive(), privacy.path("sensitive").isTextual()
                ? privacy.get("sensitive").asText() : null);
        boolean modelsHold = claim(falseClaims, "models", policy.policy().modelsJson(), privacy.path("models"));
        claim(falseClaims, "suppression_limit", policy.suppressionLimit(),
                privacy.path("suppression_limit").asDouble(-1));
        // Claimed models that are the policy's claim the policy's smallest class; other claims are false already.
        if (modelsHold && classes.classes() > 0 && classes.smallest() < policy.k()) {
            falseClaims.add("models: claim classes of at least " + policy.k() + " records but the smallest has "
                    + classes.smallest());
        }
        claim(falseClaims, "min_class_size", classes.smallest(), privacy.path("min_class_size").asLong(-1));
        claim(falseClaims, "suppressed_records", classes.suppressedRecords(),
                privacy.path("suppressed_records").asLong(-1));
        JsonNode levels = privacy.path("levels");
        JsonNode heights = privacy.path("hierarchy_heights");
        for (String q : policy.quasiIdentifiers()) {
            JsonNode level = levels.path(q);
            if (!level.isInt() || level.asInt() < 0 || !heights.path(q).isInt()
                    || level.asInt() > heights.path(q).asInt()) {
                falseClaims.add("levels." + q + ": " + level + " is not a level of a hierarchy of height "
                        + heights.path(q));
            }
        }
        JsonNode risk = privacy.path("risk");
        if (!risk.isMissingNode()) {
            long kept = classes.keptRecords();
            claim(falseClaims, "risk.records", kept, risk.path("records").asLong(-1));
            claim(falseClaims, "risk.classes", classes.classes(), risk.path("classes").asLong(-1));
            double max = kept == 0 ? 0 : 1.0 / classes.smallest();
            if (Math.abs(risk.path("prosecutor_max").asDouble(-1) - max) > Check.TOLERANCE) {
                falseClaims.add("risk.prosecutor_max: claims " + risk.path("prosecutor_max") + ", measured " + max);
            }
        }
    }

    private static void statistics(Evidence evidence, JsonNode privacy, List<String> falseClaims) {
        int minDevices = evidence.policy().minDevices();
        if (!evidence.policy().differentiallyPrivate() && privacy.path("min_devices").asLong(-1) < minDevices) {
            falseClaims.add("min_devices: declares " + privacy.path("min_devices") + ", below the policy's "
                    + minDevices);
        }
        claim(falseClaims, "published_cells", evidence.rows().count(), privacy.path("published_cells").asLong(-1));
        if (evidence.columns().contains(DEVICES)) {
            Row smallest = evidence.rows().agg(min(col(DEVICES).cast("long"))).first();
            Long measured = smallest.isNullAt(0) ? null : smallest.getLong(0);
            JsonNode claimed = privacy.path("min_published_devices");
            claim(falseClaims, "min_published_devices", measured, claimed.isIntegralNumber() ? claimed.asLong() : null);
        }
    }

    /**
     * Records a false claim as "key: claims X, expected Y"; figures and names only, never a published value. Returns
     * whether the claim holds.
     */
    private static boolean claim(List<String> falseClaims, String key, Object measured, Object claimed) {
        boolean holds = measured instanceof Double m && claimed instanceof Double c
                ? Math.abs(m - c) <= Check.TOLERANCE : Objects.equals(measured, claimed);
        if (!holds) {
            falseClaims.add(key + ": claims " + claimed + ", expected " + measured);
        }
        return holds;
    }
}

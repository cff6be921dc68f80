package org.uepdeid.anonymizer.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.uepdeid.anonymizer.AnonymizationResult;
import org.uepdeid.anonymizer.metric.InformationLoss;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.anonymizer.risk.RiskProfile;

/** Renders a result as the JSON that {@code anonymize-table} writes and run manifests embed. */
public final class ResultJson {

    private ResultJson() {
    }

    /** The result of anonymizing under {@code policy}; models are written in the policy's own syntax. */
    public static ObjectNode of(PolicySpec policy, AnonymizationResult result) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        ObjectNode transformation = json.putObject("transformation");
        if (result.hasSolution()) {
            result.transformation().levels().forEach(transformation::put);
            ArrayNode levels = json.putArray("levels");
            for (int level : result.levels()) {
                levels.add(level);
            }
        } else {
            json.putNull("levels");
        }
        json.set("information_loss", loss(result.informationLoss()));
        json.put("metric", policy.metric().type());
        json.put("suppressed_records", result.suppressedRecords());
        json.put("min_class_size", result.minClassSize());
        json.put("transformations_checked", result.transformationsChecked());
        json.put("search_ms", result.searchMillis());
        json.put("optimal", result.optimal());
        json.put("message", result.message());
        ArrayNode qis = json.putArray("quasi_identifiers");
        policy.quasiIdentifierNames().forEach(qis::add);
        if (policy.sensitive() == null) {
            json.putNull("sensitive");
        } else {
            json.put("sensitive", policy.sensitive());
        }
        json.set("models", policy.modelsJson());
        json.put("suppression_limit", policy.suppressionLimit());
        if (result.risk() != null) {
            json.set("risk", risk(result.risk()));
        }
        return json;
    }

    private static com.fasterxml.jackson.databind.JsonNode loss(InformationLoss loss) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (loss == null) {
            return f.nullNode();
        }
        if (!loss.ranked()) {
            return f.numberNode(loss.value());
        }
        ArrayNode values = f.arrayNode();
        for (double v : loss.values()) {
            values.add(v);
        }
        return values;
    }

    private static ObjectNode risk(RiskProfile risk) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("records", risk.records());
        json.put("classes", risk.classes());
        json.put("prosecutor_max", risk.prosecutorMax());
        json.put("prosecutor_average", risk.prosecutorAverage());
        json.put("journalist_max", risk.journalistMax());
        json.put("marketer", risk.marketer());
        json.put("threshold", risk.threshold());
        json.put("records_at_risk", risk.recordsAtRisk());
        json.put("sample_uniqueness", risk.sampleUniqueness());
        return json;
    }
}

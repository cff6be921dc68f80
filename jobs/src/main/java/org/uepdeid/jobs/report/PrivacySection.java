package org.uepdeid.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.reports.Anonymization;
import org.uepdeid.reports.InformationLoss;
import org.uepdeid.reports.QiLevel;
import org.uepdeid.reports.ReidentificationRisk;
import org.uepdeid.reports.Suppression;

/** Reads the {@code privacy} section of the anonymize manifest into the report's {@link Anonymization}. */
final class PrivacySection {

    /** The model type whose {@code k} sets the smallest class a release may have. */
    private static final String K_ANONYMITY = "k-anonymity";

    private PrivacySection() {
    }

    /**
     * The anonymization the manifest describes.
     *
     * @param verified suppression as verify measured it, preferred to the manifest's own figures; may be {@code null}
     * @param source   names the manifest in error messages
     */
    static Anonymization read(RunManifest manifest, Suppression verified, String source) {
        JsonNode privacy = manifest.privacy();
        if (privacy == null || !privacy.isObject()) {
            throw new UserInputException(source + ": has no privacy section; is it the output of anonymize?");
        }
        return JsonFields.reading(source,
                () -> read(manifest, privacy, verified, JsonFields.of(source).in("privacy")));
    }

    private static Anonymization read(RunManifest manifest, JsonNode privacy, Suppression verified,
                                      JsonFields fields) {
        List<String> qis = fields.texts(privacy, "quasi_identifiers");
        Suppression suppression = verified != null ? verified
                : new Suppression(fields.count(privacy, "suppressed_records"), publishedRows(manifest),
                fields.number(privacy, "suppression_limit"));
        return new Anonymization(qis, fields.optionalText(privacy, "sensitive"), models(fields, privacy),
                k(fields, privacy), levels(fields, privacy, qis), fields.count(privacy, "min_class_size"), suppression,
                informationLoss(fields, privacy), risk(fields.in("risk"), fields.object(privacy, "risk")),
                fields.count(privacy, "transformations_checked"), fields.count(privacy, "search_ms"),
                fields.flag(privacy, "optimal"));
    }

    /** Suppressed records stay in the microdata (with {@code *}): all published rows are the release's records. */
    private static long publishedRows(RunManifest manifest) {
        return manifest.accounting() != null ? manifest.accounting().accepted()
                : manifest.outputs().stream().mapToLong(o -> o.rows()).sum();
    }

    /** Each model as {@code type (parameter=value, ...)}; a model written as text is shown as written. */
    private static List<String> models(JsonFields fields, JsonNode privacy) {
        List<String> models = new ArrayList<>();
        for (JsonNode model : fields.array(privacy, "models")) {
            if (!model.isObject()) {
                models.add(model.asText());
                continue;
            }
            List<String> parameters = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = model.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("type")) {
                    parameters.add(field.getKey() + "=" + (field.getValue().isValueNode()
                            ? field.getValue().asText() : field.getValue().toString()));
                }
            }
            String type = model.path("type").asText("model");
            models.add(parameters.isEmpty() ? type : type + " (" + String.join(", ", parameters) + ")");
        }
        return models;
    }

    /** The k of the k-anonymity model (the largest, should there be two); 1 when the policy has none. */
    private static long k(JsonFields fields, JsonNode privacy) {
        long k = 1;
        JsonNode models = fields.array(privacy, "models");
        for (int i = 0; i < models.size(); i++) {
            JsonNode model = models.get(i);
            if (model.isObject() && K_ANONYMITY.equals(model.path("type").asText())) {
                k = Math.max(k, fields.in("models[" + i + "]").count(model, "k"));
            }
        }
        return k;
    }

    private static List<QiLevel> levels(JsonFields fields, JsonNode privacy, List<String> qis) {
        JsonNode levels = fields.object(privacy, "levels");
        JsonNode heights = fields.object(privacy, "hierarchy_heights");
        List<QiLevel> result = new ArrayList<>();
        for (String qi : qis) {
            result.add(new QiLevel(qi, (int) fields.in("levels").count(levels, qi),
                    (int) fields.in("hierarchy_heights").count(heights, qi)));
        }
        return result;
    }

    private static InformationLoss informationLoss(JsonFields fields, JsonNode privacy) {
        JsonNode loss = fields.object(privacy, "information_loss");
        JsonFields in = fields.in("information_loss");
        JsonNode value = loss.path("value");
        List<Double> values = new ArrayList<>();
        if (value.isNumber()) {
            values.add(value.doubleValue());
        } else if (value.isArray()) {
            value.forEach(v -> values.add(v.doubleValue()));
        } else {
            throw in.error("value", "must be a number or a list of numbers");
        }
        return new InformationLoss(in.text(loss, "metric"), values);
    }

    private static ReidentificationRisk risk(JsonFields in, JsonNode risk) {
        return new ReidentificationRisk(in.count(risk, "records"), in.count(risk, "classes"),
                in.number(risk, "prosecutor_max"), in.number(risk, "prosecutor_average"),
                in.number(risk, "journalist_max"), in.number(risk, "marketer"), in.number(risk, "threshold"),
                in.number(risk, "records_at_risk"), in.number(risk, "sample_uniqueness"));
    }
}

package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.MaximumRisk;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.anonymizer.model.ModelType;
import org.uepdeid.anonymizer.model.SampleModel;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.config.PipelineConfig;

/**
 * What the pipeline config declares a release must satisfy: the policy anonymize follows, as the config loaded it,
 * and {@code min_devices}. Read from the config rather than from the manifests: a manifest is a claim to check, not
 * the rule to check it against.
 *
 * @param policy     the anonymization policy
 * @param minDevices the fewest distinct devices a statistics cell may describe
 */
public record DeclaredPolicy(PolicySpec policy, int minDevices) {

    /** The config's anonymization policy and {@code min_devices}. */
    public static DeclaredPolicy of(PipelineConfig config) {
        return new DeclaredPolicy(config.anonymization().policy(), config.minDevices());
    }

    /** The microdata's quasi-identifier columns, in policy order. */
    List<String> quasiIdentifiers() {
        return policy.quasiIdentifierNames();
    }

    /** The sensitive column, or null. */
    String sensitive() {
        return policy.sensitive();
    }

    double suppressionLimit() {
        return policy.suppressionLimit();
    }

    double riskThreshold() {
        return policy.riskThreshold();
    }

    /** The privacy models in the policy's syntax, as the manifests write them. */
    List<JsonNode> models() {
        List<JsonNode> models = new ArrayList<>();
        policy.modelsJson().forEach(models::add);
        return models;
    }

    /** How the hierarchy of a quasi-identifier is made. */
    HierarchySpec hierarchySpec(String quasiIdentifier) {
        return policy.hierarchySpec(quasiIdentifier);
    }

    /** The k of the k-anonymity model, or 1 when none is declared. */
    int k() {
        return policy.models().stream().filter(m -> m.type() == ModelType.K_ANONYMITY)
                .mapToInt(m -> ((KAnonymity) m.build()).k()).max().orElse(1);
    }

    /** The threshold of the first model of this type (maximum-risk, average-risk, ...), if one is declared. */
    Optional<Double> modelThreshold(ModelType<?> type) {
        return policy.models().stream().filter(m -> m.type() == type).findFirst().map(ModelSpec::build)
                .map(m -> m instanceof MaximumRisk max ? max.threshold() : ((SampleModel) m).threshold());
    }

    /** The models that constrain the sensitive column: l-diversity and t-closeness. */
    List<ModelSpec<?>> sensitiveModels() {
        return policy.models().stream().filter(m -> m.attribute() != null).toList();
    }

    /** The columns the microdata may publish: the quasi-identifiers, then the sensitive column. */
    List<String> microdataColumns() {
        List<String> columns = new ArrayList<>(quasiIdentifiers());
        if (sensitive() != null) {
            columns.add(sensitive());
        }
        return columns;
    }
}

package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uepdeid.anonymizer.policy.PolicyDocument;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;

/**
 * What the pipeline config declares a release must satisfy, read from the config rather than from the manifests: a
 * manifest is a claim to check, not the rule to check it against.
 *
 * @param quasiIdentifiers the microdata's quasi-identifier columns, in policy order
 * @param sensitive        the sensitive column, or null
 * @param models           the privacy models as written in the policy
 * @param k                the k of the k-anonymity model, or 1 when none is declared
 * @param suppressionLimit the share of microdata records that may be suppressed
 * @param riskThreshold    the record risk above which a record counts as at risk
 * @param minDevices       the fewest distinct devices a statistics cell may describe
 * @param document         the policy, for the hierarchies of the quasi-identifiers
 * @param baseDirectory    the config's directory, against which hierarchy files resolve
 */
public record DeclaredPolicy(List<String> quasiIdentifiers, String sensitive, List<JsonNode> models, int k,
                             double suppressionLimit, double riskThreshold, int minDevices, PolicyDocument document,
                             Path baseDirectory) {

    /** ARCHITECTURE.md's default: a record is at risk when its class is smaller than ten. */
    static final double DEFAULT_RISK_THRESHOLD = 0.1;

    public DeclaredPolicy {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        models = models.stream().<JsonNode>map(JsonNode::deepCopy).toList();
        if (k < 1) {
            throw new ConfigException("anonymization.privacy_models: k must be at least 1, got " + k);
        }
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new ConfigException("anonymization.risk_threshold: must be in (0, 1], got " + riskThreshold);
        }
    }

    @Override
    public List<JsonNode> models() {
        return models.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** Reads the declared policy from the config's anonymization section and {@code min_devices}. */
    public static DeclaredPolicy of(PipelineConfig config) {
        JsonNode policy = config.anonymization().policy();
        PolicyDocument document = new PolicyDocument(policy, config.anonymization().baseDirectory(),
                config.source().location() + " (anonymization)");
        List<JsonNode> models = new ArrayList<>();
        policy.path("privacy_models").forEach(models::add);
        int k = models.stream().filter(m -> "k-anonymity".equals(m.path("type").asText()))
                .mapToInt(m -> m.path("k").asInt(1)).max().orElse(1);
        return new DeclaredPolicy(document.quasiIdentifierNames(), document.sensitiveAttribute(), models, k,
                policy.path("suppression_limit").asDouble(0), policy.path("risk_threshold")
                .asDouble(DEFAULT_RISK_THRESHOLD), config.minDevices(), document,
                config.anonymization().baseDirectory());
    }

    /** The threshold of the first model of this type ({@code maximum-risk}, ...), if one is declared. */
    Optional<Double> modelThreshold(String type) {
        return models.stream().filter(m -> type.equals(m.path("type").asText()))
                .map(m -> m.path("threshold").asDouble()).findFirst();
    }

    /** The models that constrain the sensitive column: l-diversity and t-closeness. */
    List<JsonNode> sensitiveModels() {
        return models().stream().filter(m -> m.hasNonNull("attribute")).toList();
    }

    /** The columns the microdata may publish: the quasi-identifiers, then the sensitive column. */
    List<String> microdataColumns() {
        List<String> columns = new ArrayList<>(quasiIdentifiers);
        if (sensitive != null) {
            columns.add(sensitive);
        }
        return columns;
    }
}

package org.uepdeid.anonymizer.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.metric.Metric;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.anonymizer.model.PrivacyModel;

/**
 * A policy as declared (an {@code anonymize-table} policy file, the pipeline config's {@code anonymization} section),
 * read and checked once, before any data is read: what anonymize follows and verify checks a release against.
 * {@link #resolve} builds the engine's {@link Policy} from it once the data's values are known.
 *
 * <p>What a policy may leave out, and the value it then has (the one place these defaults are set):
 * <ul>
 *   <li>{@code sensitive}: the attribute the l-diversity and t-closeness models constrain, if any;</li>
 *   <li>{@code suppression_limit}: {@value #DEFAULT_SUPPRESSION_LIMIT}, nothing may be suppressed;</li>
 *   <li>{@code metric.gs_factor}: {@value #DEFAULT_GS_FACTOR}, ARX's; {@code metric.monotonic}: false;
 *       {@code metric.aggregate}: the metric's own (ARX's); a weight not given: 0.5, as in ARX;</li>
 *   <li>{@code practical_monotonicity}: false (accepted for ARX compatibility; the search is exact regardless);</li>
 *   <li>{@code search_time_limit_seconds}: {@value #DEFAULT_SEARCH_SECONDS}, for the heuristic search only;</li>
 *   <li>{@code risk_threshold}: {@value #DEFAULT_RISK_THRESHOLD}: a record whose re-identification risk is above it,
 *       one in a class smaller than ten, is at risk. It is the stricter of the two values this code once had (0.2 in
 *       the engine): the same number gates publication in verify ({@code records_at_risk} must be 0), where a
 *       default should block a risky release rather than let it out, and it matches the pipeline's k of ten; in
 *       {@code anonymize-table} it only changes what the result's risk profile reports, never the search;</li>
 *   <li>a model's optional keys: see {@link org.uepdeid.anonymizer.model.ModelType}; a hierarchy's: see
 *       {@link HierarchySpec}.</li>
 * </ul>
 *
 * @param quasiIdentifiers  the quasi-identifiers in policy order, the order of levels in every result
 * @param sensitive         the sensitive attribute, or null
 * @param models            at least one privacy model
 * @param suppressionLimit  the share of records that may be suppressed
 * @param metric            the information-loss metric
 * @param weights           attribute weights for the metric
 * @param practicalMonotonicity ARX's option, accepted for compatibility
 * @param searchTimeLimit   the time budget of the heuristic search
 * @param riskThreshold     the record risk above which a record counts as at risk
 */
public record PolicySpec(List<QuasiIdentifier> quasiIdentifiers, String sensitive, List<ModelSpec<?>> models,
                         double suppressionLimit, Metric metric, Map<String, Double> weights,
                         boolean practicalMonotonicity, Duration searchTimeLimit, double riskThreshold) {

    public static final double DEFAULT_SUPPRESSION_LIMIT = 0;
    public static final double DEFAULT_GS_FACTOR = 0.5;
    public static final long DEFAULT_SEARCH_SECONDS = 60;
    public static final double DEFAULT_RISK_THRESHOLD = 0.1;

    /** A quasi-identifier: its column and how its hierarchy is made. */
    public record QuasiIdentifier(String name, HierarchySpec hierarchy) {
        public QuasiIdentifier {
            if (name == null || name.isBlank() || hierarchy == null) {
                throw new IllegalArgumentException("a quasi-identifier needs a name and a hierarchy");
            }
        }
    }

    public PolicySpec {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        models = List.copyOf(models);
        weights = Map.copyOf(weights);
        PolicyRules.check(quasiIdentifiers.stream().map(QuasiIdentifier::name).toList(), sensitive, models.size(),
                models.stream().filter(m -> m.attribute() != null)
                        .map(m -> Map.entry(m.type().name(), m.attribute())).toList(),
                suppressionLimit, metric, weights, searchTimeLimit, riskThreshold);
    }

    /**
     * Reads a policy file, YAML or JSON ({@code .json}); paths in it are relative to its folder.
     *
     * @throws org.uepdeid.anonymizer.input.UserInputException naming the file, the key and the value that cannot be
     *     used, or the hierarchy file that does not load
     */
    public static PolicySpec read(Path file) {
        return read(DocumentNode.read(file), file.toAbsolutePath().getParent());
    }

    /** Reads a policy from a document's mapping; paths in it are relative to {@code baseDirectory}. */
    public static PolicySpec read(DocumentNode policy, Path baseDirectory) {
        return new PolicyReader(baseDirectory).read(policy);
    }

    public List<String> quasiIdentifierNames() {
        return quasiIdentifiers.stream().map(QuasiIdentifier::name).toList();
    }

    /** How the hierarchy of a quasi-identifier is made. */
    public HierarchySpec hierarchySpec(String quasiIdentifier) {
        return quasiIdentifiers.stream().filter(q -> q.name().equals(quasiIdentifier)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + quasiIdentifier + "' is not a quasi-identifier "
                        + "of this policy; they are " + quasiIdentifierNames()))
                .hierarchy();
    }

    /** The privacy models in the policy's own syntax, every key given: what manifests and results write. */
    public JsonNode modelsJson() {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        models.forEach(m -> json.add(m.json()));
        return json;
    }

    /**
     * The engine's policy for data whose attributes take the values {@code domain} gives; each hierarchy built from
     * the data gets a row for every one of them.
     *
     * @throws org.uepdeid.anonymizer.hierarchy.HierarchyException naming the attribute, the hierarchy and a value it
     *     cannot place
     */
    public Policy resolve(Function<String, ? extends Collection<String>> domain) {
        List<Hierarchy> hierarchies = quasiIdentifiers.stream()
                .map(q -> q.hierarchy().build(q.name(), domain.apply(q.name()))).toList();
        List<PrivacyModel> built = models.stream().<PrivacyModel>map(m -> m.build(domain)).toList();
        return new Policy(hierarchies, sensitive, built, suppressionLimit, metric, weights, practicalMonotonicity,
                searchTimeLimit, riskThreshold);
    }
}

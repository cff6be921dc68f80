package org.uepdeid.anonymizer.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchyException;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.anonymizer.metric.AggregateFunction;
import org.uepdeid.anonymizer.metric.AverageClassSize;
import org.uepdeid.anonymizer.metric.Discernibility;
import org.uepdeid.anonymizer.metric.Height;
import org.uepdeid.anonymizer.metric.LossMetric;
import org.uepdeid.anonymizer.metric.Metric;
import org.uepdeid.anonymizer.metric.NonUniformEntropy;
import org.uepdeid.anonymizer.metric.Precision;
import org.uepdeid.anonymizer.model.AverageRisk;
import org.uepdeid.anonymizer.model.DistinctLDiversity;
import org.uepdeid.anonymizer.model.EntropyLDiversity;
import org.uepdeid.anonymizer.model.EqualDistanceTCloseness;
import org.uepdeid.anonymizer.model.HierarchicalDistanceTCloseness;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.MaximumRisk;
import org.uepdeid.anonymizer.model.OrderedDistanceTCloseness;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.RecursiveCLDiversity;
import org.uepdeid.anonymizer.model.SampleUniqueness;

/**
 * A policy as written (YAML or JSON, the format of {@code anonymize-table} and of the pipeline config's
 * {@code anonymization} section), before its hierarchies are built against the data's values.
 *
 * <p>Every key is checked: an unknown key, a missing one or a bad value is a {@link PolicyException} that
 * names the key, the value and the policy's source. Paths are relative to {@code baseDir}.
 */
public final class PolicyDocument {

    private static final Set<String> TOP_KEYS = Set.of("quasi_identifiers", "sensitive", "privacy_models",
            "suppression_limit", "metric", "practical_monotonicity", "search_time_limit_seconds", "risk_threshold");

    private final JsonNode root;
    private final Path baseDir;
    private final String source;

    public PolicyDocument(JsonNode root, Path baseDir, String source) {
        this.root = root;
        this.baseDir = baseDir;
        this.source = source;
        if (root == null || !root.isObject()) {
            throw error("the policy must be a mapping of keys");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                throw error("unknown key '" + key + "'; known keys: " + String.join(", ", TOP_KEYS.stream().sorted().toList()));
            }
        }
        quasiIdentifierNames(); // fail fast on a malformed list
    }

    /** Reads a policy file: {@code .json} as JSON, anything else as YAML. */
    public static PolicyDocument read(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            return new PolicyDocument(mapper.readTree(file.toFile()), file.toAbsolutePath().getParent(), file.toString());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new PolicyException("policy " + file + " is not valid YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new PolicyException("policy file not found: " + file);
            }
            throw new java.io.UncheckedIOException("cannot read policy " + file, e);
        }
    }

    /** The quasi-identifier names in policy order. */
    public List<String> quasiIdentifierNames() {
        JsonNode qis = required(root, "quasi_identifiers", "");
        if (!qis.isArray() || qis.isEmpty()) {
            throw error("'quasi_identifiers' must be a non-empty list of {name, hierarchy}");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < qis.size(); i++) {
            names.add(text(qis.get(i), "name", "quasi_identifiers[" + i + "]."));
        }
        return names;
    }

    /**
     * Checks everything that can be checked before the data is read: hierarchy specs (CSV files load), privacy
     * models, metric and limits; so a long pipeline run fails in a second on a bad policy, not after hours.
     */
    public void check() {
        for (String name : quasiIdentifierNames()) {
            if (hierarchySpec(name) instanceof HierarchySpec.CsvFile csv) {
                try {
                    csv.build(name, List.of());
                } catch (HierarchyException e) {
                    throw error("quasi-identifier '" + name + "': " + e.getMessage());
                }
            }
        }
        List<JsonNode> models = modelNodes();
        for (int i = 0; i < models.size(); i++) {
            model(models.get(i), "privacy_models[" + i + "].", attribute -> List.of());
        }
        metric(root.path("metric"));
        double limit = root.has("suppression_limit") ? number(root, "suppression_limit", "") : 0;
        if (!(limit >= 0 && limit <= 1)) {
            throw error("'suppression_limit' must be in [0, 1], got " + limit);
        }
    }

    /** The privacy models as written, for run manifests. */
    public JsonNode privacyModelsJson() {
        return root.get("privacy_models").deepCopy();
    }

    /** How the hierarchy of a quasi-identifier is given (a CSV file or a builder), before it is built. */
    public HierarchySpec hierarchySpec(String quasiIdentifier) {
        JsonNode qis = root.get("quasi_identifiers");
        for (int i = 0; i < qis.size(); i++) {
            if (quasiIdentifier.equals(qis.get(i).path("name").asText())) {
                String where = "quasi_identifiers[" + i + "].";
                try {
                    return HierarchySpec.fromJson(required(qis.get(i), "hierarchy", where), baseDir, quasiIdentifier);
                } catch (HierarchyException e) {
                    throw error(where + "hierarchy: " + e.getMessage());
                }
            }
        }
        throw error("'" + quasiIdentifier + "' is not a quasi-identifier of this policy");
    }

    /** The sensitive attribute: the declared one, or the one the models constrain; null when there is none. */
    public String sensitiveAttribute() {
        if (root.hasNonNull("sensitive")) {
            return root.get("sensitive").asText();
        }
        for (JsonNode model : modelNodes()) {
            if (model.hasNonNull("attribute")) {
                return model.get("attribute").asText();
            }
        }
        return null;
    }

    /**
     * Builds the policy. {@code domain} gives the distinct values of an attribute in the data; hierarchies are checked
     * to cover them (an absent value is an error naming it, the attribute and the hierarchy file).
     */
    public Policy resolve(Function<String, Collection<String>> domain) {
        JsonNode qis = root.get("quasi_identifiers");
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (int i = 0; i < qis.size(); i++) {
            String where = "quasi_identifiers[" + i + "].";
            String name = text(qis.get(i), "name", where);
            checkKeys(qis.get(i), where, Set.of("name", "hierarchy"));
            hierarchies.add(hierarchy(required(qis.get(i), "hierarchy", where), name, domain.apply(name), where));
        }
        String sensitive = sensitiveAttribute();
        List<PrivacyModel> models = new ArrayList<>();
        List<JsonNode> modelNodes = modelNodes();
        for (int i = 0; i < modelNodes.size(); i++) {
            models.add(model(modelNodes.get(i), "privacy_models[" + i + "].", domain));
        }
        JsonNode metricNode = root.path("metric");
        Map<String, Double> weights = new LinkedHashMap<>();
        if (metricNode.has("weights")) {
            metricNode.get("weights").fields().forEachRemaining(e -> weights.put(e.getKey(),
                    number(metricNode.get("weights"), e.getKey(), "metric.weights.")));
        }
        double limit = root.has("suppression_limit") ? number(root, "suppression_limit", "") : 0;
        boolean practical = root.path("practical_monotonicity").asBoolean(false);
        double seconds = root.has("search_time_limit_seconds") ? number(root, "search_time_limit_seconds", "") : 60;
        double riskThreshold = root.has("risk_threshold") ? number(root, "risk_threshold", "") : 0.2;
        try {
            return new Policy(hierarchies, sensitive, models, limit, metric(metricNode), weights, practical,
                    Duration.ofMillis((long) (seconds * 1000)), riskThreshold);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private List<JsonNode> modelNodes() {
        JsonNode models = required(root, "privacy_models", "");
        if (!models.isArray() || models.isEmpty()) {
            throw error("'privacy_models' must be a non-empty list");
        }
        List<JsonNode> list = new ArrayList<>();
        models.forEach(list::add);
        return list;
    }

    private PrivacyModel model(JsonNode node, String where, Function<String, Collection<String>> domain) {
        String type = text(node, "type", where);
        try {
            return switch (type) {
                case "k-anonymity" -> {
                    checkKeys(node, where, Set.of("type", "k"));
                    yield new KAnonymity(integer(node, "k", where));
                }
                case "maximum-risk" -> {
                    checkKeys(node, where, Set.of("type", "threshold"));
                    yield new MaximumRisk(number(node, "threshold", where));
                }
                case "average-risk" -> {
                    checkKeys(node, where, Set.of("type", "threshold"));
                    yield new AverageRisk(number(node, "threshold", where));
                }
                case "sample-uniqueness" -> {
                    checkKeys(node, where, Set.of("type", "threshold"));
                    yield new SampleUniqueness(number(node, "threshold", where));
                }
                case "distinct-l-diversity" -> {
                    checkKeys(node, where, Set.of("type", "attribute", "l"));
                    yield new DistinctLDiversity(text(node, "attribute", where), integer(node, "l", where));
                }
                case "entropy-l-diversity" -> {
                    checkKeys(node, where, Set.of("type", "attribute", "l", "estimator"));
                    String estimator = node.path("estimator").asText("shannon");
                    yield new EntropyLDiversity(text(node, "attribute", where), number(node, "l", where),
                            switch (estimator) {
                                case "shannon" -> EntropyLDiversity.Estimator.SHANNON;
                                case "grassberger" -> EntropyLDiversity.Estimator.GRASSBERGER;
                                default -> throw error(where + "estimator: unknown '" + estimator
                                        + "'; use shannon or grassberger");
                            });
                }
                case "recursive-cl-diversity" -> {
                    checkKeys(node, where, Set.of("type", "attribute", "c", "l"));
                    yield new RecursiveCLDiversity(text(node, "attribute", where), number(node, "c", where),
                            integer(node, "l", where));
                }
                case "equal-t-closeness" -> {
                    checkKeys(node, where, Set.of("type", "attribute", "t"));
                    yield new EqualDistanceTCloseness(text(node, "attribute", where), number(node, "t", where));
                }
                case "ordered-t-closeness" -> {
                    checkKeys(node, where, Set.of("type", "attribute", "t", "order"));
                    String order = node.path("order").asText("lexical");
                    if (!order.equals("lexical") && !order.equals("numeric")) {
                        throw error(where + "order: unknown '" + order + "'; use lexical or numeric");
                    }
                    yield new OrderedDistanceTCloseness(text(node, "attribute", where), number(node, "t", where),
                            order.equals("numeric"));
                }
                case "hierarchical-t-closeness" -> {
                    checkKeys(node, where, Set.of("type", "attribute", "t", "hierarchy"));
                    String attribute = text(node, "attribute", where);
                    yield new HierarchicalDistanceTCloseness(attribute, number(node, "t", where),
                            hierarchy(required(node, "hierarchy", where), attribute, domain.apply(attribute), where));
                }
                default -> throw error(where + "type: unknown privacy model '" + type + "'; known: k-anonymity, "
                        + "distinct-l-diversity, entropy-l-diversity, recursive-cl-diversity, equal-t-closeness, "
                        + "hierarchical-t-closeness, ordered-t-closeness, average-risk, maximum-risk, sample-uniqueness");
            };
        } catch (PolicyException e) {
            throw e;
        } catch (IllegalArgumentException | HierarchyException e) {
            // A model's own checks reject the values read here from the policy, so here they are the user's to fix.
            throw error(where.substring(0, where.length() - 1) + ": " + e.getMessage());
        }
    }

    private Metric metric(JsonNode node) {
        try {
            return readMetric(node);
        } catch (IllegalArgumentException e) {
            // The metric's own checks (gs_factor, aggregate) reject values read from the policy: the user's to fix.
            throw error("metric: " + e.getMessage());
        }
    }

    private Metric readMetric(JsonNode node) {
        String where = "metric.";
        String type = text(node, "type", where);
        double gs = node.has("gs_factor") ? number(node, "gs_factor", where) : 0.5;
        boolean monotonic = node.path("monotonic").asBoolean(false);
        AggregateFunction aggregate = node.has("aggregate") ? AggregateFunction.parse(node.get("aggregate").asText()) : null;
        Set<String> common = Set.of("type", "weights", "aggregate");
        return switch (type) {
            case "loss" -> {
                checkKeys(node, where, union(common, "gs_factor"));
                yield new LossMetric(gs, aggregate);
            }
            // ARX's createEntropyMetric() is non-uniform entropy; "entropy" is accepted as its name.
            case "non-uniform-entropy", "entropy" -> {
                checkKeys(node, where, union(common, "gs_factor", "monotonic"));
                yield new NonUniformEntropy(monotonic, gs, aggregate);
            }
            case "discernibility" -> {
                checkKeys(node, where, Set.of("type", "monotonic"));
                yield new Discernibility(monotonic);
            }
            case "aecs" -> {
                checkKeys(node, where, Set.of("type", "gs_factor"));
                yield new AverageClassSize(gs);
            }
            case "precision" -> {
                checkKeys(node, where, union(common, "gs_factor", "monotonic"));
                yield new Precision(monotonic, gs, aggregate);
            }
            case "height" -> {
                checkKeys(node, where, common);
                yield new Height(aggregate);
            }
            default -> throw error("metric.type: unknown metric '" + type + "'; known: loss, non-uniform-entropy, "
                    + "entropy, discernibility, aecs, precision, height");
        };
    }

    private Hierarchy hierarchy(JsonNode node, String attribute, Collection<String> domain, String where) {
        try {
            return HierarchySpec.fromJson(node, baseDir, attribute).build(attribute, domain);
        } catch (HierarchyException e) {
            throw error(where + "hierarchy: " + e.getMessage());
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private void checkKeys(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw error(where + key + ": unknown key; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error("'" + where + key + "' is required");
        }
        return value;
    }

    private String text(JsonNode node, String key, String where) {
        JsonNode value = required(node, key, where);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error("'" + where + key + "' must be a non-empty string, got " + value);
        }
        return value.asText();
    }

    private double number(JsonNode node, String key, String where) {
        JsonNode value = required(node, key, where);
        if (!value.isNumber()) {
            throw error("'" + where + key + "' must be a number, got " + value);
        }
        return value.asDouble();
    }

    private int integer(JsonNode node, String key, String where) {
        JsonNode value = required(node, key, where);
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw error("'" + where + key + "' must be a whole number, got " + value);
        }
        return value.asInt();
    }

    private PolicyException error(String message) {
        return new PolicyException("policy " + source + ": " + message);
    }

    /** A policy that cannot be used; the message names the source, the key and the value. */
    public static final class PolicyException extends UserInputException {
        PolicyException(String message) {
            super(message);
        }
    }
}

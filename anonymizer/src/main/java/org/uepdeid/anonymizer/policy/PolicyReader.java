package org.uepdeid.anonymizer.policy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uepdeid.anonymizer.hierarchy.HierarchyException;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.metric.AggregateFunction;
import org.uepdeid.anonymizer.metric.AverageClassSize;
import org.uepdeid.anonymizer.metric.Discernibility;
import org.uepdeid.anonymizer.metric.Height;
import org.uepdeid.anonymizer.metric.LossMetric;
import org.uepdeid.anonymizer.metric.Metric;
import org.uepdeid.anonymizer.metric.NonUniformEntropy;
import org.uepdeid.anonymizer.metric.Precision;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.anonymizer.model.ModelType;

/**
 * Reads a {@link PolicySpec} from a policy document, checking every key: an unknown or missing one, or a bad value, is
 * a {@link org.uepdeid.anonymizer.input.DocumentException} naming the document, the key and the value, and a
 * hierarchy file is read whole, so a long run fails in a second on a bad policy rather than after hours.
 */
final class PolicyReader {

    private static final List<String> KEYS = List.of("quasi_identifiers", "sensitive", "privacy_models",
            "suppression_limit", "metric", "practical_monotonicity", "search_time_limit_seconds", "risk_threshold");
    /** The keys every metric but discernibility and AECS takes. */
    private static final List<String> METRIC_KEYS = List.of("type", "weights", "aggregate");

    private final Path baseDirectory;

    PolicyReader(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    PolicySpec read(DocumentNode policy) {
        policy.mapping(KEYS);
        List<PolicySpec.QuasiIdentifier> quasiIdentifiers = new ArrayList<>();
        for (DocumentNode qi : nonEmpty(policy.get("quasi_identifiers"))) {
            quasiIdentifiers.add(quasiIdentifier(qi.mapping(List.of("name", "hierarchy"))));
        }
        List<ModelSpec<?>> models = new ArrayList<>();
        for (DocumentNode model : nonEmpty(policy.get("privacy_models"))) {
            models.add(ModelType.read(model, baseDirectory));
        }
        String sensitive = policy.has("sensitive") ? policy.get("sensitive").text()
                : models.stream().map(ModelSpec::attribute).filter(a -> a != null).findFirst().orElse(null);
        DocumentNode metric = policy.get("metric");
        Map<String, Double> weights = new LinkedHashMap<>();
        if (metric.has("weights")) {
            DocumentNode node = metric.get("weights");
            node.keys().forEach(attribute -> weights.put(attribute, node.get(attribute).number()));
        }
        double seconds = policy.number("search_time_limit_seconds", PolicySpec.DEFAULT_SEARCH_SECONDS);
        try {
            return new PolicySpec(quasiIdentifiers, sensitive, models,
                    policy.number("suppression_limit", PolicySpec.DEFAULT_SUPPRESSION_LIMIT), metric(metric),
                    weights, policy.bool("practical_monotonicity", false),
                    Duration.ofMillis(Math.round(seconds * 1000)),
                    policy.number("risk_threshold", PolicySpec.DEFAULT_RISK_THRESHOLD));
        } catch (IllegalArgumentException e) {
            // The policy's rules (PolicyRules) reject a combination of what was read: the message names the key.
            throw policy.error(e.getMessage(), e);
        }
    }

    private static List<DocumentNode> nonEmpty(DocumentNode list) {
        List<DocumentNode> elements = list.list();
        if (elements.isEmpty()) {
            throw list.error("is empty; name at least one");
        }
        return elements;
    }

    private PolicySpec.QuasiIdentifier quasiIdentifier(DocumentNode qi) {
        String name = qi.get("name").text();
        DocumentNode node = qi.get("hierarchy");
        HierarchySpec spec = HierarchySpec.read(node, baseDirectory);
        try {
            spec.fixed(name); // a file is read now, so a bad one fails before any data is read
            return new PolicySpec.QuasiIdentifier(name, spec);
        } catch (HierarchyException e) {
            throw node.error(e.getMessage(), e);
        }
    }

    private static Metric metric(DocumentNode node) {
        String type = node.mapping().get("type").text();
        List<String> keys = switch (type) {
            case "loss" -> with(METRIC_KEYS, "gs_factor");
            case "non-uniform-entropy", "entropy", "precision" -> with(METRIC_KEYS, "gs_factor", "monotonic");
            case "discernibility" -> List.of("type", "monotonic");
            case "aecs" -> List.of("type", "gs_factor");
            case "height" -> METRIC_KEYS;
            default -> throw node.get("type").invalid("must be a metric: loss, non-uniform-entropy, entropy, "
                    + "discernibility, aecs, precision, height");
        };
        node.mapping(keys);
        double gs = node.number("gs_factor", PolicySpec.DEFAULT_GS_FACTOR);
        boolean monotonic = node.bool("monotonic", false);
        AggregateFunction aggregate = node.has("aggregate") ? aggregate(node.get("aggregate")) : null;
        try {
            return switch (type) {
                case "loss" -> new LossMetric(gs, aggregate);
                // ARX's createEntropyMetric() is non-uniform entropy; "entropy" is accepted as its name.
                case "non-uniform-entropy", "entropy" -> new NonUniformEntropy(monotonic, gs, aggregate);
                case "discernibility" -> new Discernibility(monotonic);
                case "aecs" -> new AverageClassSize(gs);
                case "precision" -> new Precision(monotonic, gs, aggregate);
                default -> new Height(aggregate);
            };
        } catch (IllegalArgumentException e) {
            // The metric's own checks (gs_factor in [0, 1]) reject what was read: the user's to fix.
            throw node.error(e.getMessage(), e);
        }
    }

    private static AggregateFunction aggregate(DocumentNode node) {
        try {
            return AggregateFunction.parse(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage(), e);
        }
    }

    private static List<String> with(List<String> keys, String... more) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(List.of(more));
        return all;
    }
}

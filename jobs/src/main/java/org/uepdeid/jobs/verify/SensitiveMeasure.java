package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * One declared l-diversity or t-closeness model, measured on the published classes: a figure per class, the worst
 * over all classes, and whether that worst figure satisfies the model. One implementation per model, so that the
 * figures are verify's own and not the engine's verdicts.
 */
interface SensitiveMeasure {

    /** The check it reports under: {@code l_diversity} or {@code t_closeness}. */
    String check();

    /** The model as the report names it, e.g. {@code distinct-l-diversity l=3}. */
    String model();

    /** The declared bound: l, c or t. */
    double threshold();

    /** The class's figure, from its sensitive values' counts. */
    double ofClass(Map<String, Long> histogram);

    /** Whether a larger figure is the safer one (l) or the riskier one (c ratio, t distance). */
    boolean largerIsSafer();

    /** Whether the worst class's figure satisfies the model. */
    boolean satisfiedBy(double worst);

    /** The riskier of two figures. */
    default double worse(double a, double b) {
        return largerIsSafer() ? Math.min(a, b) : Math.max(a, b);
    }

    /**
     * The measure of a model as the policy writes it.
     *
     * @param overall   counts of each sensitive value over the whole release, for t-closeness
     * @param hierarchy builds the sensitive attribute's hierarchy from a model's {@code hierarchy} spec
     * @throws IllegalArgumentException for a model type that does not constrain the sensitive column
     */
    static SensitiveMeasure of(JsonNode model, Map<String, Long> overall, Function<JsonNode, Hierarchy> hierarchy) {
        String type = model.path("type").asText();
        return switch (type) {
            case "distinct-l-diversity" -> new DistinctLMeasure(model.path("l").asInt());
            case "entropy-l-diversity" -> new EntropyLMeasure(model.path("l").asDouble(),
                    "grassberger".equals(model.path("estimator").asText("shannon")));
            case "recursive-cl-diversity" ->
                    new RecursiveClMeasure(model.path("c").asDouble(), model.path("l").asInt());
            case "equal-t-closeness" -> new EqualTMeasure(model.path("t").asDouble(), overall);
            case "ordered-t-closeness" -> new OrderedTMeasure(model.path("t").asDouble(), overall,
                    "numeric".equals(model.path("order").asText("lexical")));
            case "hierarchical-t-closeness" -> new HierarchicalTMeasure(model.path("t").asDouble(), overall,
                    hierarchy.apply(model.path("hierarchy")));
            default -> throw new IllegalArgumentException("privacy model '" + type + "' does not constrain a sensitive "
                    + "attribute");
        };
    }
}

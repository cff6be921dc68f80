package org.uepdeid.anonymizer.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.Metric;
import org.uepdeid.anonymizer.model.ClassModel;
import org.uepdeid.anonymizer.model.PrivacyModel;

/**
 * What to anonymize and how, built for the data at hand: the quasi-identifiers with their hierarchies (in this order
 * the result lists levels), the sensitive attribute, the privacy models, the suppression limit and the metric. A
 * policy as declared, before there is data, is a {@link PolicySpec}, whose {@code resolve} builds this; the rules both
 * obey are checked by both.
 *
 * @param quasiIdentifiers      one hierarchy per quasi-identifier; its attribute is the column name
 * @param sensitive             the sensitive attribute, or null
 * @param models                at least one privacy model
 * @param suppressionLimit      the share of records that may be suppressed, in [0, 1]
 * @param metric                the information-loss metric
 * @param weights               attribute weights for the metric (missing ones default to 0.5, as in ARX)
 * @param practicalMonotonicity ARX's option; accepted for compatibility, the search stays exact regardless
 * @param searchTimeLimit       the time budget of the heuristic search used for lattices too large to enumerate
 * @param riskThreshold         the record risk above which the risk profile counts a record as at risk
 */
public record Policy(List<Hierarchy> quasiIdentifiers, String sensitive, List<PrivacyModel> models,
                     double suppressionLimit, Metric metric, Map<String, Double> weights,
                     boolean practicalMonotonicity, Duration searchTimeLimit, double riskThreshold) {

    public Policy {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        models = List.copyOf(models);
        weights = Map.copyOf(weights);
        PolicyRules.check(quasiIdentifiers.stream().map(Hierarchy::attribute).toList(), sensitive, models.size(),
                models.stream().filter(m -> m instanceof ClassModel cm && cm.sensitiveAttribute() != null)
                        .map(m -> Map.entry(m.type(), ((ClassModel) m).sensitiveAttribute())).toList(),
                suppressionLimit, metric, weights, searchTimeLimit, riskThreshold);
    }

    public List<String> quasiIdentifierNames() {
        return quasiIdentifiers.stream().map(Hierarchy::attribute).toList();
    }

    /** The metric weights in quasi-identifier order, divided by their maximum (ARX's normalization). */
    public double[] normalizedWeights() {
        double[] w = quasiIdentifiers.stream().mapToDouble(h -> weights.getOrDefault(h.attribute(), 0.5)).toArray();
        double max = 0;
        for (double x : w) {
            max = Math.max(max, x);
        }
        for (int j = 0; j < w.length; j++) {
            w[j] = max == 0 ? 1 : w[j] / max;
        }
        return w;
    }
}

package org.uepdeid.anonymizer.policy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.Metric;
import org.uepdeid.anonymizer.model.ClassModel;
import org.uepdeid.anonymizer.model.PrivacyModel;

/**
 * What to anonymize and how: the quasi-identifiers with their hierarchies (in this order the result lists levels),
 * the sensitive attribute, the privacy models, the suppression limit and the metric.
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
        if (quasiIdentifiers.isEmpty()) {
            throw new IllegalArgumentException("policy: 'quasi_identifiers' is empty; name at least one");
        }
        Set<String> names = new HashSet<>();
        for (Hierarchy h : quasiIdentifiers) {
            if (!names.add(h.attribute())) {
                throw new IllegalArgumentException("policy: quasi-identifier '" + h.attribute() + "' is listed twice");
            }
        }
        if (sensitive != null && names.contains(sensitive)) {
            throw new IllegalArgumentException("policy: '" + sensitive + "' cannot be both sensitive and a quasi-identifier");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("policy: 'privacy_models' is empty; name at least one");
        }
        for (PrivacyModel model : models) {
            if (model instanceof ClassModel cm && cm.sensitiveAttribute() != null
                    && !cm.sensitiveAttribute().equals(sensitive)) {
                throw new IllegalArgumentException("policy: " + model.type() + " constrains '" + cm.sensitiveAttribute()
                        + "' but the sensitive attribute is " + (sensitive == null ? "not set" : "'" + sensitive + "'"));
            }
        }
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new IllegalArgumentException("policy: 'suppression_limit' must be in [0, 1], got " + suppressionLimit);
        }
        if (metric == null) {
            throw new IllegalArgumentException("policy: 'metric' is required");
        }
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!(w.getValue() >= 0)) {
                throw new IllegalArgumentException("policy: weight of '" + w.getKey() + "' must be >= 0, got " + w.getValue());
            }
        }
        if (searchTimeLimit == null || searchTimeLimit.isNegative() || searchTimeLimit.isZero()) {
            throw new IllegalArgumentException("policy: the search time limit must be positive");
        }
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new IllegalArgumentException("policy: 'risk_threshold' must be in (0, 1], got " + riskThreshold);
        }
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

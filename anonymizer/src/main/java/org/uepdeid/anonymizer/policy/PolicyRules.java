package org.uepdeid.anonymizer.policy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uepdeid.anonymizer.metric.Metric;

/**
 * The rules a policy obeys whether it is declared ({@link PolicySpec}) or built ({@link Policy}), written once: each
 * breach is an {@link IllegalArgumentException} whose message starts with the policy key.
 */
final class PolicyRules {

    private PolicyRules() {
    }

    /**
     * @param constrained for each privacy model that constrains a sensitive attribute: its type and the attribute
     */
    static void check(List<String> quasiIdentifiers, String sensitive, int models,
                      List<Map.Entry<String, String>> constrained, double suppressionLimit, Metric metric,
                      Map<String, Double> weights, Duration searchTimeLimit, double riskThreshold) {
        if (quasiIdentifiers.isEmpty()) {
            throw new IllegalArgumentException("quasi_identifiers: is empty; name at least one");
        }
        Set<String> names = new HashSet<>();
        for (String name : quasiIdentifiers) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("quasi_identifiers: '" + name + "' is listed twice");
            }
        }
        if (sensitive != null && names.contains(sensitive)) {
            throw new IllegalArgumentException("sensitive: '" + sensitive + "' cannot be both sensitive and a "
                    + "quasi-identifier");
        }
        if (models == 0) {
            throw new IllegalArgumentException("privacy_models: is empty; name at least one");
        }
        for (Map.Entry<String, String> model : constrained) {
            if (!model.getValue().equals(sensitive)) {
                throw new IllegalArgumentException("privacy_models: " + model.getKey() + " constrains '"
                        + model.getValue() + "' but the sensitive attribute is "
                        + (sensitive == null ? "not set" : "'" + sensitive + "'"));
            }
        }
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new IllegalArgumentException("suppression_limit: must be in [0, 1], got " + suppressionLimit);
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric: is required");
        }
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (!(w.getValue() >= 0)) {
                throw new IllegalArgumentException("metric.weights." + w.getKey() + ": must be >= 0, got "
                        + w.getValue());
            }
        }
        if (searchTimeLimit == null || searchTimeLimit.isNegative() || searchTimeLimit.isZero()) {
            throw new IllegalArgumentException("search_time_limit_seconds: must be positive, got " + searchTimeLimit);
        }
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new IllegalArgumentException("risk_threshold: must be in (0, 1], got " + riskThreshold);
        }
    }
}

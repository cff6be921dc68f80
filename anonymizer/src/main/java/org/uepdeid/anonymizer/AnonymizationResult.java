package org.uepdeid.anonymizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uepdeid.anonymizer.metric.InformationLoss;
import org.uepdeid.anonymizer.risk.RiskProfile;
import org.uepdeid.anonymizer.search.Evaluation;

/**
 * The engine's answer: the chosen transformation, the classes it suppresses, its information loss and risk profile;
 * or, when no transformation satisfies the models, no transformation and a message saying why.
 *
 * @param quasiIdentifiers       the quasi-identifier names, in the order of the levels
 * @param chosen                 the chosen transformation with its classes, or null when there is no solution
 * @param risk                   the risk profile of the published classes, or null without a solution
 * @param transformationsChecked how many transformations were evaluated on data
 * @param searchMillis           the search's wall time
 * @param optimal                whether the result is proven optimal
 * @param message                a human-readable summary (why there is no solution, or what was chosen)
 */
public record AnonymizationResult(List<String> quasiIdentifiers, Evaluation chosen, RiskProfile risk,
                                  int transformationsChecked, long searchMillis, boolean optimal, String message) {

    public boolean hasSolution() {
        return chosen != null;
    }

    /** The chosen level per quasi-identifier (policy order), or null without a solution. */
    public int[] levels() {
        return chosen == null ? null : chosen.levels().clone();
    }

    /** Quasi-identifier name → chosen level, in policy order; empty without a solution. */
    public Map<String, Integer> transformation() {
        Map<String, Integer> map = new LinkedHashMap<>();
        if (chosen != null) {
            for (int j = 0; j < quasiIdentifiers.size(); j++) {
                map.put(quasiIdentifiers.get(j), chosen.levels()[j]);
            }
        }
        return map;
    }

    /** The information loss, or null without a solution. */
    public InformationLoss informationLoss() {
        return chosen == null ? null : chosen.loss();
    }

    public long suppressedRecords() {
        return chosen == null ? 0 : chosen.suppressedRecords();
    }

    public int minClassSize() {
        return chosen == null ? 0 : chosen.minClassSize();
    }
}

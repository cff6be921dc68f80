package org.uepdeid.anonymizer;

import org.uepdeid.anonymizer.metric.InformationLoss;
import org.uepdeid.anonymizer.risk.RiskProfile;

/**
 * The engine's answer: the chosen transformation, its information loss and risk profile; or, when no transformation
 * satisfies the models, no transformation and a message saying why.
 *
 * @param transformation         the chosen transformation, or null when there is no solution
 * @param informationLoss        its loss, or null without a solution
 * @param suppressedRecords      records in suppressed classes (0 without a solution)
 * @param minClassSize           the smallest kept class (0 without a solution, or when everything is suppressed)
 * @param risk                   the risk profile of the published classes, or null without a solution
 * @param transformationsChecked how many transformations were evaluated on data
 * @param searchMillis           the search's wall time
 * @param optimal                whether the result is proven optimal
 * @param message                a human-readable summary (why there is no solution, or what was chosen)
 */
public record AnonymizationResult(Transformation transformation, InformationLoss informationLoss,
                                  long suppressedRecords, int minClassSize, RiskProfile risk,
                                  int transformationsChecked, long searchMillis, boolean optimal, String message) {

    /** A result without a solution. */
    static AnonymizationResult none(int transformationsChecked, long searchMillis, boolean optimal, String message) {
        return new AnonymizationResult(null, null, 0, 0, null, transformationsChecked, searchMillis, optimal, message);
    }

    public boolean hasSolution() {
        return transformation != null;
    }

    /** The chosen level per quasi-identifier (policy order), or null without a solution. */
    public int[] levels() {
        return transformation == null ? null : transformation.levelArray();
    }
}

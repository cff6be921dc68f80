package org.uepdeid.anonymizer.metric;

import org.uepdeid.anonymizer.data.FrequencyTable;

/** A metric bound to one table: scores transformations and bounds their loss from below before any evaluation. */
public interface NodeScorer {

    InformationLoss score(ClassifiedNode node);

    /**
     * A value no transformation with these levels can score below, whatever is suppressed (the search skips
     * transformations whose bound is already worse than the best found). Computed from marginals only.
     */
    InformationLoss lowerBound(int[] levels);

    /**
     * A lower bound of the loss of a transformation with these levels that suppresses at least one record; null when
     * the metric charges suppression no more than {@link #lowerBound} already allows for. The search rules out a
     * transformation with it once generalization alone is known to leave some class failing the models.
     */
    default InformationLoss suppressedLowerBound(int[] levels) {
        return null;
    }

    /**
     * A lower bound, from a transformation's classes before any privacy model judges them, of its loss and of the
     * loss of every generalization of it, whatever is suppressed; null when the classes tell no more than
     * {@link #lowerBound}. A bound above the best found rules out the transformation and its whole up-cone at the
     * cost of one roll-up, so it must never fall when classes merge.
     */
    default InformationLoss classBound(FrequencyTable classes) {
        return null;
    }

    /**
     * The loss of one class on its own, which ARX uses to order equally large classes before cutting them for a
     * risk-based model (METRICS.md §10); null for metrics that do not.
     */
    default InformationLoss classLoss(FrequencyTable classes, int[] levels, int tuple) {
        return null;
    }
}

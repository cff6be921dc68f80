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
     * The loss of one class on its own, which ARX uses to order equally large classes before cutting them for a
     * risk-based model (METRICS.md §10); null for metrics that do not.
     */
    default InformationLoss classLoss(FrequencyTable classes, int[] levels, int tuple) {
        return null;
    }
}

package org.uepdeid.anonymizer.model;

/**
 * A class model on the sensitive attribute's distribution (l-diversity, t-closeness). ARX declares these monotonic
 * only when nothing may be suppressed, and they ask for no minimal class size unless they say so.
 */
public sealed interface SensitiveModel extends ClassModel permits DistinctLDiversity, EntropyLDiversity,
        RecursiveCLDiversity, EqualDistanceTCloseness, OrderedDistanceTCloseness, HierarchicalDistanceTCloseness {

    /** The sensitive attribute the model constrains. */
    String attribute();

    @Override
    default String sensitiveAttribute() {
        return attribute();
    }

    @Override
    default boolean isMonotonic(boolean suppressionAllowed) {
        return !suppressionAllowed;
    }

    @Override
    default int minimalClassSize() {
        return 1;
    }
}

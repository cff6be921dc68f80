package org.uepdeid.anonymizer.model;

/**
 * A class model on the sensitive attribute's distribution (l-diversity, t-closeness). ARX declares these monotonic
 * only when nothing may be suppressed, and their minimal class size follows from the distinct values they require.
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

    /** ARX's rule: a class with l distinct values holds at least l records, so l-diversity implies l-anonymity. */
    @Override
    default int minimalClassSize() {
        return Math.max(1, requiredDistinctValues());
    }
}

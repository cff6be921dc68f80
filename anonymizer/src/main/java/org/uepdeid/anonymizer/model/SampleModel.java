package org.uepdeid.anonymizer.model;

/**
 * A privacy model judged over the distribution of class sizes rather than class by class (METRICS.md §10). When it
 * is not fulfilled, the smallest classes are suppressed until it is.
 */
public sealed interface SampleModel extends PrivacyModel permits AverageRisk, SampleUniqueness {

    /**
     * @param records records in the classes considered
     * @param classes number of those classes
     * @param uniques number of those classes of size 1
     */
    boolean isFulfilled(long records, long classes, long uniques);

    /** ARX declares these models monotonic; the engine still searches them exhaustively, see OptimalSearch. */
    @Override
    default boolean isMonotonic(boolean suppressionAllowed) {
        return false;
    }
}

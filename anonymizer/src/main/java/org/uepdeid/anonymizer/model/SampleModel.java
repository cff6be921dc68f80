package org.uepdeid.anonymizer.model;

/**
 * A privacy model judged over the distribution of class sizes rather than class by class (METRICS.md §10). When it
 * is not fulfilled, the smallest classes are suppressed until it is.
 */
public sealed interface SampleModel extends PrivacyModel permits AverageRisk, SampleUniqueness {

    /** The largest {@link #risk} the model allows. */
    double threshold();

    /**
     * The model's figure for a non-empty sample of classes.
     *
     * @param records records in the classes considered
     * @param classes number of those classes
     * @param uniques number of those classes of size 1
     */
    double risk(long records, long classes, long uniques);

    /** Whether the classes meet the threshold; no records carry no risk. */
    default boolean isFulfilled(long records, long classes, long uniques) {
        return records == 0 || risk(records, classes, uniques) <= threshold();
    }

    /** ARX declares these models monotonic; the engine still searches them exhaustively, see OptimalSearch. */
    @Override
    default boolean isMonotonic(boolean suppressionAllowed) {
        return false;
    }
}

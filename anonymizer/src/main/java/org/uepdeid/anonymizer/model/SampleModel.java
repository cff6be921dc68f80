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

    /**
     * Monotonic with and without suppression, as ARX declares them, provided no class is ignored as completely
     * generalized below the top of the lattice (the search checks that, see {@code SearchProblem}). Why: the records
     * this model makes the engine suppress, with the per-class violators, are the fewest any choice of whole classes
     * could suppress (cutting the smallest classes first is optimal for both figures), and a generalization can
     * always do as well: keep each coarser class that holds a class kept before. It holds no more classes and at
     * least as many records (average risk no higher), and no more records alone (uniqueness no higher).
     */
    @Override
    default boolean isMonotonic(boolean suppressionAllowed) {
        return true;
    }
}

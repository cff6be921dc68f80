package org.uepdeid.anonymizer.model;

/** The test a bound {@link ClassModel} applies to one class: its size and its sensitive-value histogram. */
@FunctionalInterface
public interface ClassCriterion {

    /**
     * @param count      records in the class (at least the model's minimal size when this is called)
     * @param histograms the flat histogram array of the class table
     * @param offset     where this class's histogram starts in it
     */
    boolean isSatisfied(int count, int[] histograms, int offset);
}

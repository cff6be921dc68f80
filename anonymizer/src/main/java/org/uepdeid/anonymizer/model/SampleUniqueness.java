package org.uepdeid.anonymizer.model;

/** The share of records that are alone in their class is at most the threshold. */
public record SampleUniqueness(double threshold) implements SampleModel {

    public SampleUniqueness {
        Validation.requireShare(threshold, "threshold", type());
    }

    @Override
    public double risk(long records, long classes, long uniques) {
        return (double) uniques / records;
    }
}

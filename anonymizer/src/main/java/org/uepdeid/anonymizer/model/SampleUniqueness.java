package org.uepdeid.anonymizer.model;

/** The share of records that are alone in their class is at most the threshold. */
public record SampleUniqueness(double threshold) implements SampleModel {

    public SampleUniqueness {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("sample-uniqueness: threshold must be in [0, 1], got " + threshold);
        }
    }

    @Override
    public String type() {
        return "sample-uniqueness";
    }

    @Override
    public boolean isFulfilled(long records, long classes, long uniques) {
        return records == 0 || (double) uniques / records <= threshold;
    }
}

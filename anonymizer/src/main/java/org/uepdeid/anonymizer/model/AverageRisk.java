package org.uepdeid.anonymizer.model;

/** The average prosecutor re-identification risk (classes / records) is at most the threshold. */
public record AverageRisk(double threshold) implements SampleModel {

    public AverageRisk {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("average-risk: threshold must be in (0, 1], got " + threshold);
        }
    }

    @Override
    public String type() {
        return "average-risk";
    }

    @Override
    public boolean isFulfilled(long records, long classes, long uniques) {
        // Written as ARX evaluates it (1 / average class size) so borderline verdicts agree.
        return records == 0 || 1d / ((double) records / classes) <= threshold;
    }
}

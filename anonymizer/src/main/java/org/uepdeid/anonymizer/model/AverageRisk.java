package org.uepdeid.anonymizer.model;

/** The average prosecutor re-identification risk (classes / records) is at most the threshold. */
public record AverageRisk(double threshold) implements SampleModel {

    public AverageRisk {
        Validation.requireRiskThreshold(threshold, type());
    }

    @Override
    public double risk(long records, long classes, long uniques) {
        // Written as ARX evaluates it (1 / average class size) so borderline verdicts agree.
        return 1d / ((double) records / classes);
    }
}

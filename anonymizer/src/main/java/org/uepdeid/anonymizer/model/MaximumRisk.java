package org.uepdeid.anonymizer.model;

/**
 * A bound on every record's prosecutor re-identification risk (1 / class size): the same as k-anonymity with
 * k = ⌈1/threshold⌉.
 */
public record MaximumRisk(double threshold) implements ClassModel {

    public MaximumRisk {
        Validation.requireRiskThreshold(threshold, type());
    }

    @Override
    public boolean isMonotonic(boolean suppressionAllowed) {
        return true;
    }

    @Override
    public int minimalClassSize() {
        // 1/(1/49) is 49.00000000000001 in doubles; the small slack keeps it 49.
        return (int) Math.ceil(1.0 / threshold - 1e-9);
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        return (count, histograms, offset) -> true;
    }
}

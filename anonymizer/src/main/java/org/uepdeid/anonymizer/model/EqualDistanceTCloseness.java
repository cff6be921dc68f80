package org.uepdeid.anonymizer.model;

/** t-closeness with equal ground distance: half the L1 distance between a class's and the table's distribution. */
public record EqualDistanceTCloseness(String attribute, double t) implements SensitiveModel {

    public EqualDistanceTCloseness {
        Validation.requireAttribute(attribute, type());
        Validation.requireShare(t, "t", type());
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        int m = distribution.size();
        double[] q = distribution.shares();
        return (count, histograms, offset) -> {
            // ARX's algebraically equal form, summed over present values only, so borderline verdicts agree.
            double sum = 0;
            for (int s = 0; s < m; s++) {
                int f = histograms[offset + s];
                if (f > 0) {
                    sum += Math.abs(q[s] - (double) f / count) - q[s];
                }
            }
            return 0.5 * (1 + sum) <= t;
        };
    }
}

package org.uepdeid.anonymizer.model;

/**
 * Entropy l-diversity: the entropy of every class's sensitive values is at least ln l, estimated with Shannon's
 * plug-in estimator or Grassberger's bias-corrected one (METRICS.md §2.3). The full sum is tested (the intended
 * semantics), not ARX's early exit, whose verdict depends on hash order.
 */
public record EntropyLDiversity(String attribute, double l, Estimator estimator) implements SensitiveModel {

    /** How the entropy is estimated from counts. */
    public enum Estimator {
        SHANNON, GRASSBERGER
    }

    public EntropyLDiversity {
        Validation.requireAttribute(attribute, type());
        if (!(l >= 1)) {
            throw new IllegalArgumentException(type() + ": l must be at least 1, got " + l);
        }
        if (estimator == null) {
            estimator = Estimator.SHANNON;
        }
    }

    @Override
    public int requiredDistinctValues() {
        return (int) Math.ceil(l);
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        int m = distribution.size();
        int minDistinct = (int) Math.ceil(l);
        double logL = Math.log(l);
        boolean grassberger = estimator == Estimator.GRASSBERGER;
        return (count, histograms, offset) -> {
            if (Histograms.distinct(histograms, offset, m) < minDistinct) {
                return false;
            }
            double sum = 0;
            for (int s = 0; s < m; s++) {
                int f = histograms[offset + s];
                if (f > 0) {
                    sum += f * psi(f, grassberger);
                }
            }
            return sum <= count * (psi(count, grassberger) - logL);
        };
    }

    private static double psi(int x, boolean grassberger) {
        return grassberger ? GrassbergerDigamma.value(x) : Math.log(x);
    }
}

package org.uepdeid.jobs.verify;

import java.util.Map;

/**
 * Entropy l-diversity: the entropy of every class's sensitive values is at least log(l). The figure is the class's
 * effective number of values, exp(entropy), so it reads against l directly. The Grassberger estimator corrects the
 * bias of the plain (Shannon) estimate on small classes: H = G(n) - Σ n_i G(n_i) / n.
 */
record EntropyLMeasure(double l, boolean grassberger) implements SensitiveMeasure {

    private static final double EULER_GAMMA = 0.5772156649015329;

    @Override
    public double threshold() {
        return l;
    }

    @Override
    public double ofClass(Map<String, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        double weighted = histogram.values().stream().mapToDouble(c -> c * estimate(c)).sum();
        return Math.exp(estimate(n) - weighted / n);
    }

    @Override
    public boolean largerIsSafer() {
        return true;
    }

    @Override
    public boolean satisfiedBy(double worst) {
        return Math.log(worst) >= Math.log(l) - Check.TOLERANCE;
    }

    /** log(x), or Grassberger's G(x): G(2k) = -γ - ln 2 + Σ_{j≤k} 2/(2j-1), and G(2k+1) = G(2k). */
    private double estimate(long x) {
        if (!grassberger) {
            return Math.log(x);
        }
        double g = -EULER_GAMMA - Math.log(2);
        for (long j = 1; 2 * j <= x; j++) {
            g += 2.0 / (2 * j - 1);
        }
        return g;
    }
}

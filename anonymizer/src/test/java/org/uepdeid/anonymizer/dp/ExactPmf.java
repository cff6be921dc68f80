package org.uepdeid.anonymizer.dp;

import java.util.function.LongToDoubleFunction;

/**
 * A distribution's exact probabilities, computed in tests straight from its definition (not from the library's series
 * or closed forms), to judge samples and the library's own figures against.
 */
record ExactPmf(String name, LongToDoubleFunction probability, long support) {

    /** P(x) = (1−q)/(1+q)·q^|x|, q = exp(−1/t). */
    static ExactPmf discreteLaplace(double t) {
        double q = Math.exp(-1 / t);
        return new ExactPmf("discrete Laplace t=" + t, x -> (1 - q) / (1 + q) * Math.pow(q, Math.abs(x)),
                (long) Math.ceil(800 * t) + 10);
    }

    /** P(x) = exp(−x²/(2σ²)) / Σ_z exp(−z²/(2σ²)), the normalizer summed term by term over ±40σ. */
    static ExactPmf discreteGaussian(double sigmaSquared) {
        long support = (long) Math.ceil(40 * Math.sqrt(sigmaSquared)) + 10;
        double normalizer = 0;
        for (long z = -support; z <= support; z++) {
            normalizer += Math.exp(-(double) z * z / (2 * sigmaSquared));
        }
        double n = normalizer;
        return new ExactPmf("discrete Gaussian σ²=" + sigmaSquared,
                x -> Math.exp(-(double) x * x / (2 * sigmaSquared)) / n, support);
    }

    double at(long x) {
        return probability.applyAsDouble(x);
    }

    /** P(X ≥ k), summed over the support (beyond it the mass is below 10^−300). */
    double tailFrom(long k) {
        double sum = 0;
        for (long x = Math.max(k, -support); x <= support; x++) {
            sum += at(x);
        }
        return sum;
    }

    double variance() {
        return centralMoment(2);
    }

    double centralMoment(int power) {
        double sum = 0;
        for (long x = -support; x <= support; x++) {
            sum += Math.pow(x, power) * at(x);
        }
        return sum;
    }
}

package org.uepdeid.anonymizer.dp;

import java.io.Serializable;

/**
 * A symmetric integer noise distribution with an exact sampler, what it costs on a query of a given sensitivity, and
 * its error: variance, tails and confidence intervals (floating point is fine there: it is accounting, not noise).
 * Serializable, so a Spark job can ship it to the executors, where each task calls {@link #newSampler()}.
 */
public sealed interface NoiseDistribution extends Serializable permits DiscreteGaussian, DiscreteLaplace {

    Mechanism mechanism();

    /** A sampler on its own {@code new SecureRandom()}: fresh randomness, seeded from nothing this program knows. */
    NoiseSampler newSampler();

    /** The privacy loss of adding this noise to each cell of a measure of that sensitivity. */
    PrivacyLoss loss(Sensitivity sensitivity);

    /** The exact variance (a closed form or a summed series, to double precision). */
    double variance();

    default double standardDeviation() {
        return Math.sqrt(variance());
    }

    /**
     * E[Z⁴]/Var²: 3 for a Gaussian, 6 for a Laplace, and far more for either at a scale below one, where nearly every
     * draw is 0. A test of the noise's spread from a sample needs it: the sample variance varies with it.
     */
    double kurtosis();

    /** P(Z = 0): at a small scale, cells that all drew 0 are no evidence that no noise was added. */
    double zeroProbability();

    /**
     * An upper bound on P(Z ≥ k) for k ≥ 1, never below the exact tail, so that thresholds and intervals derived from
     * it err on the safe side; each distribution says how tight it is.
     */
    double upperTail(long k);

    /** The smallest k ≥ 1 with {@code upperTail(k) ≤ p}: tails fall as k grows, so a doubling then halving search. */
    default long smallestTailAtMost(double p) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("tail probability must be positive, got " + p);
        }
        if (upperTail(1) <= p) {
            return 1;
        }
        long above = 1; // upperTail(above) > p
        long atMost = 2;
        while (upperTail(atMost) > p) {
            above = atMost;
            atMost = Math.multiplyExact(atMost, 2);
        }
        while (atMost - above > 1) {
            long mid = above + (atMost - above) / 2;
            if (upperTail(mid) > p) {
                above = mid;
            } else {
                atMost = mid;
            }
        }
        return atMost;
    }

    /** The smallest h ≥ 0 with P(|Z| > h) ≤ 1 − confidence, from the tail bound (so never too narrow). */
    default long halfWidth(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        return smallestTailAtMost((1 - confidence) / 2) - 1;
    }

    /** The interval for a cell's exact value given its published value. */
    default ConfidenceInterval interval(long published, double confidence) {
        long h = halfWidth(confidence);
        return new ConfidenceInterval(Math.max(0, published - h), Math.addExact(published, h));
    }
}

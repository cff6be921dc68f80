package org.uepdeid.anonymizer.dp;

/**
 * The discrete Laplace (two-sided geometric) distribution on the integers, P(x) ∝ exp(−|x|/t) for a rational scale
 * t > 0, sampled by Canonne, Kamath and Steinke (2020), Algorithm 2. Adding it to each cell of a measure with L1
 * sensitivity Δ₁ is ε-DP with ε = Δ₁/t: the geometric mechanism of Ghosh, Roughgarden and Sundararajan (2009),
 * "Universally utility-maximizing privacy mechanisms", since P(x)/P(x + d) ≤ exp(|d|/t). With q = exp(−1/t):
 * P(x) = (1−q)/(1+q)·q^|x|, P(X ≥ k) = q^k/(1+q) for k ≥ 1, Var = 2q/(1−q)², and from
 * Σ_{k ≥ 1} k⁴q^k = q(1 + 11q + 11q² + q³)/(1 − q)⁵, E[X⁴] = 2q(1 + 11q + 11q² + q³)/((1 + q)(1 − q)⁴).
 *
 * @param scale t; its numerator and denominator below 2^40, so the sampler's integers fit in longs
 */
public record DiscreteLaplace(Rational scale) implements NoiseDistribution {

    /** Room for the sampler's U + t·V (V geometric with mean below 1) in a long, with certainty in practice. */
    private static final int MAX_BITS = 40;

    public DiscreteLaplace {
        if (scale == null || scale.signum() <= 0) {
            throw new IllegalArgumentException("discrete Laplace: the scale t must be positive, got " + scale);
        }
        if (scale.numerator().bitLength() > MAX_BITS || scale.denominator().bitLength() > MAX_BITS) {
            throw new IllegalArgumentException("discrete Laplace: scale t = " + scale + " needs a numerator and "
                    + "denominator below 2^" + MAX_BITS + "; round it up onto a coarser grid");
        }
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.DISCRETE_LAPLACE;
    }

    @Override
    public NoiseSampler newSampler() {
        return sampler(RandomIntegers.fresh());
    }

    /** A sampler on the given randomness: {@link #newSampler()} gives it fresh randomness, tests a repeatable one. */
    DiscreteLaplaceSampler sampler(RandomIntegers random) {
        return new DiscreteLaplaceSampler(scale.numerator().longValueExact(), scale.denominator().longValueExact(),
                random);
    }

    /** ε = Δ₁/t, rounded up. */
    @Override
    public PrivacyLoss loss(Sensitivity sensitivity) {
        return PrivacyLoss.pure(Rational.of(sensitivity.l1()).divide(scale).toDoubleCeiling());
    }

    @Override
    public double variance() {
        double q = q();
        double oneMinusQ = -Math.expm1(-inverseScale());
        return 2 * q / (oneMinusQ * oneMinusQ);
    }

    /** (1 + 11q + 11q² + q³)(1 + q)^−1 / (2q): above 6 for small scales, tending to 6. */
    @Override
    public double kurtosis() {
        double q = q();
        return (1 + 11 * q + 11 * q * q + q * q * q) / (2 * q * (1 + q));
    }

    @Override
    public double zeroProbability() {
        return -Math.expm1(-inverseScale()) / (1 + q());
    }

    @Override
    public double upperTail(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("upper tail from k = " + k + ": k must be at least 1");
        }
        return RoundingMargin.above(Math.exp(-k * inverseScale()) / (1 + q()));
    }

    private double q() {
        return Math.exp(-inverseScale());
    }

    private double inverseScale() {
        return new Rational(scale.denominator(), scale.numerator()).toDouble();
    }

}

package org.uepdeid.anonymizer.dp;

import java.util.function.LongToDoubleFunction;

/**
 * The discrete Gaussian on the integers, P(x) = exp(−x²/(2σ²)) / N with N = Σ_z exp(−z²/(2σ²)), for a rational σ² > 0
 * (Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for Differential Privacy"). As they prove, adding it to
 * each cell of a measure with L2 sensitivity Δ₂ (independent draws per cell) is ρ-zCDP with ρ = Δ₂²/(2σ²), exactly
 * as for the continuous Gaussian, and its variance is below σ².
 *
 * <p>Error figures come from two series for N and the variance, each summed to double precision: the direct one for
 * small σ², and for σ² ≥ 1/4 its Poisson-summation dual, N = √(2π)·σ·Σ_k exp(−2π²σ²k²) (the Fourier transform of
 * exp(−x²/(2σ²)) is √(2π)·σ·exp(−2π²σ²ξ²)), whose terms beyond k = 0 are below 10^−2 there and fall
 * super-exponentially. Tails sum the terms one by one and
 * bound the rest by an integral, so they are upper bounds.
 *
 * @param sigmaSquared σ², positive, with ⌊σ⌋ below 2^40
 */
public record DiscreteGaussian(Rational sigmaSquared) implements NoiseDistribution {

    private static final int MAX_SIGMA_BITS = 40;
    /** From here on the dual series converges faster than the direct one. */
    private static final double DUAL_FROM = 0.25;
    /**
     * Tail terms summed one by one before the rest is bounded by the integral: the bound is then within a relative
     * 10^−9 unless σ exceeds about 2^16, where it stays within 5 % near the centre and 10^−3 from two σ out.
     */
    private static final int MAX_TAIL_TERMS = 1 << 16;
    /**
     * From here on the kurtosis is 3 to double precision: by Poisson summation the moments differ from the continuous
     * Gaussian's by relative terms of order exp(−2π²σ²), below 10^−130 at σ² = 16.
     */
    private static final double GAUSSIAN_KURTOSIS_FROM = 16;
    /** Relative size of the next term at which a sum of positive, falling terms has converged in doubles. */
    private static final double NEGLIGIBLE = 1e-17;

    public DiscreteGaussian {
        if (sigmaSquared == null || sigmaSquared.signum() <= 0) {
            throw new IllegalArgumentException("discrete Gaussian: sigma² must be positive, got " + sigmaSquared);
        }
        if (sigmaSquared.floor().sqrt().bitLength() >= MAX_SIGMA_BITS) {
            throw new IllegalArgumentException("discrete Gaussian: sigma² = " + sigmaSquared + " is too large");
        }
    }

    @Override
    public Mechanism mechanism() {
        return Mechanism.DISCRETE_GAUSSIAN;
    }

    @Override
    public NoiseSampler newSampler() {
        return sampler(RandomIntegers.fresh());
    }

    /** A sampler on the given randomness: {@link #newSampler()} gives it fresh randomness, tests a repeatable one. */
    DiscreteGaussianSampler sampler(RandomIntegers random) {
        return new DiscreteGaussianSampler(sigmaSquared, random);
    }

    /** ρ = Δ₂²/(2σ²), rounded up. */
    @Override
    public PrivacyLoss loss(Sensitivity sensitivity) {
        return PrivacyLoss.zcdp(Rational.of(sensitivity.l2Squared())
                .divide(sigmaSquared.multiply(Rational.of(2))).toDoubleCeiling());
    }

    /**
     * Σ z² P(z). Dual form: Var = σ² − 4π²σ⁴ · Σ_k k² e^(−2π²σ²k²) / Σ_k e^(−2π²σ²k²), since x²·exp(−x²/(2σ²)) has
     * the Fourier transform √(2π)·σ·(σ² − 4π²σ⁴ξ²)·exp(−2π²σ²ξ²).
     */
    @Override
    public double variance() {
        double s2 = sigmaSquared.toDouble();
        if (s2 < DUAL_FROM) {
            double decay = 1 / (2 * s2);
            return 2 * positiveSum(z -> (double) z * z * Math.exp(-z * z * decay))
                    / (1 + 2 * positiveSum(z -> Math.exp(-z * z * decay)));
        }
        double decay = 2 * Math.PI * Math.PI * s2;
        double weighted = 2 * positiveSum(k -> (double) k * k * Math.exp(-k * k * decay));
        double plain = 1 + 2 * positiveSum(k -> Math.exp(-k * k * decay));
        return s2 - 4 * Math.PI * Math.PI * s2 * s2 * weighted / plain;
    }

    /** Σ z⁴ P(z) / Var², from the direct series while it differs from 3. */
    @Override
    public double kurtosis() {
        double s2 = sigmaSquared.toDouble();
        if (s2 >= GAUSSIAN_KURTOSIS_FROM) {
            return 3;
        }
        double decay = 1 / (2 * s2);
        double fourth = 2 * positiveSum(z -> (double) z * z * z * z * Math.exp(-z * z * decay)) / normalizer(s2);
        double variance = variance();
        return fourth / (variance * variance);
    }

    /** 1/N. */
    @Override
    public double zeroProbability() {
        return 1 / normalizer(sigmaSquared.toDouble());
    }

    /**
     * Σ_{z ≥ k} exp(−z²/(2σ²)) / N, bounded above: terms from k while they matter, then for the rest, since the terms
     * fall, Σ_{z ≥ m} f(z) ≤ f(m) + ∫_m^∞ f = f(m)·(1 + σ·R(m/σ)), with Mills' ratio R bounded above
     * ({@link #millsRatioBound}). N is bounded below by its truncated series.
     */
    @Override
    public double upperTail(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("upper tail from k = " + k + ": k must be at least 1");
        }
        double s2 = sigmaSquared.toDouble();
        double sigma = Math.sqrt(s2);
        double decay = 1 / (2 * s2);
        double partial = 0;
        for (long z = k, terms = 0; ; z++, terms++) {
            double term = Math.exp(-(double) z * z * decay);
            double rest = term * (1 + sigma * millsRatioBound(z / sigma)); // ≥ Σ_{j ≥ z} f(j)
            if (rest <= NEGLIGIBLE * partial || terms == MAX_TAIL_TERMS) {
                return RoundingMargin.above((partial + rest) / RoundingMargin.below(normalizer(s2)));
            }
            partial += term;
        }
    }

    /**
     * An upper bound on Mills' ratio R(x) = e^(x²/2)·∫_x^∞ e^(−u²/2) du for x ≥ 0: the better of NIST DLMF 7.8.2
     * (exact at 0) and 7.8.4 (tight further out), rescaled from DLMF's e^(x²)∫e^(−u²); within 5 % of R everywhere.
     */
    private static double millsRatioBound(double x) {
        return Math.min(2 / (x + Math.sqrt(x * x + 8 / Math.PI)), 4 / (3 * x + Math.sqrt(x * x + 8)));
    }

    /** N = Σ_z exp(−z²/(2σ²)), from whichever series converges faster. */
    private static double normalizer(double s2) {
        if (s2 < DUAL_FROM) {
            double decay = 1 / (2 * s2);
            return 1 + 2 * positiveSum(z -> Math.exp(-z * z * decay));
        }
        double decay = 2 * Math.PI * Math.PI * s2;
        return Math.sqrt(2 * Math.PI * s2) * (1 + 2 * positiveSum(k -> Math.exp(-k * k * decay)));
    }

    /** Σ_{j ≥ 1} term(j) for terms falling from j = 1 on, faster than geometrically: until one is negligible. */
    private static double positiveSum(LongToDoubleFunction term) {
        double sum = 0;
        for (long j = 1; ; j++) {
            double t = term.applyAsDouble(j);
            sum += t;
            if (t <= NEGLIGIBLE * sum) {
                return sum;
            }
        }
    }
}

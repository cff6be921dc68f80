package org.uepdeid.anonymizer.dp;

import java.math.BigInteger;

/**
 * Exact draws from the discrete Gaussian with σ² = a/b: Canonne, Kamath and Steinke (2020), Algorithm 3. A candidate
 * Y comes from the discrete Laplace with integer scale t = ⌊σ⌋ + 1 and is kept with probability
 * exp(−(|Y| − σ²/t)²/(2σ²)), a rational exponent: γ = (|Y|·b·t − a)² / (2·a·b·t²).
 *
 * <p>γ is computed in longs while its numerator and denominator fit (they do for every σ² this project calibrates and
 * every candidate short of many standard deviations out), in BigInteger beyond.
 */
final class DiscreteGaussianSampler implements NoiseSampler {

    /** ⌊√(2^63 − 1)⌋: the largest |m| whose square fits in a long. */
    private static final long SQRT_MAX_LONG = 3_037_000_499L;

    private final RandomIntegers random;
    private final DiscreteLaplaceSampler candidates;
    private final BigInteger a;
    private final BigInteger bt;
    private final BigInteger den;
    private final long aLong;
    private final long btLong;
    private final long denLong;
    /** Candidates with |Y| up to this take the long path; −1 when none can. */
    private final long longPathLimit;

    DiscreteGaussianSampler(Rational sigmaSquared, RandomIntegers random) {
        this.random = random;
        a = sigmaSquared.numerator();
        BigInteger b = sigmaSquared.denominator();
        BigInteger t = sigmaSquared.floor().sqrt().add(BigInteger.ONE); // ⌊√⌊x⌋⌋ = ⌊√x⌋
        candidates = new DiscreteLaplaceSampler(t.longValueExact(), 1, random);
        bt = b.multiply(t);
        den = BigInteger.TWO.multiply(a).multiply(b).multiply(t).multiply(t);
        boolean fits = a.compareTo(BigInteger.valueOf(SQRT_MAX_LONG)) <= 0 && bt.bitLength() < Long.SIZE
                && den.bitLength() < Long.SIZE;
        aLong = fits ? a.longValue() : 0;
        btLong = fits ? bt.longValue() : 0;
        denLong = fits ? den.longValue() : 0;
        // |Y|·bt − a then lies in [−a, SQRT_MAX_LONG]: its square fits.
        longPathLimit = fits ? (SQRT_MAX_LONG + aLong) / btLong : -1;
    }

    @Override
    public long sample() {
        while (true) {
            long y = candidates.sample();
            if (accept(Math.abs(y))) {
                return y;
            }
        }
    }

    private boolean accept(long absY) {
        if (absY <= longPathLimit) {
            long m = absY * btLong - aLong;
            return BernoulliExp.sample(random, m * m, denLong);
        }
        BigInteger m = BigInteger.valueOf(absY).multiply(bt).subtract(a);
        return BernoulliExp.sample(random, m.multiply(m), den);
    }
}

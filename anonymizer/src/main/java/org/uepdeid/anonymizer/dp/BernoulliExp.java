package org.uepdeid.anonymizer.dp;

import java.math.BigInteger;
import java.util.function.LongPredicate;

/**
 * Bernoulli(exp(−γ)) for a rational γ = num/den ≥ 0, exactly: Canonne, Kamath and Steinke (2020), "The Discrete
 * Gaussian for Differential Privacy", Algorithm 1 (von Neumann's method). For γ ≤ 1, draw A_k ~ Bernoulli(γ/k) for
 * k = 1, 2, … until the first A_k = 0 and return whether that k is odd; for γ > 1, the product of ⌊γ⌋ draws with γ = 1
 * and one with the fractional part (their remark after Algorithm 1). Only integer comparisons, no exp().
 */
final class BernoulliExp {

    private BernoulliExp() {
    }

    static boolean sample(RandomIntegers random, long num, long den) {
        long fraction = num % den;
        return wholeThenFraction(random, num / den, k -> random.bernoulli(fraction, den, k));
    }

    /**
     * The same for γ too large for longs. A whole part of 2^63 or more answers 0 at once: the exact answer is 1 with
     * probability below exp(−2^63), a difference no release could ever show.
     */
    static boolean sample(RandomIntegers random, BigInteger num, BigInteger den) {
        if (num.bitLength() < Long.SIZE && den.bitLength() < Long.SIZE) {
            return sample(random, num.longValue(), den.longValue());
        }
        BigInteger[] wholeAndFraction = num.divideAndRemainder(den);
        if (wholeAndFraction[0].bitLength() >= Long.SIZE) {
            return false;
        }
        BigInteger fraction = wholeAndFraction[1];
        return wholeThenFraction(random, wholeAndFraction[0].longValue(), den.bitLength() < Long.SIZE
                ? k -> random.bernoulli(fraction.longValue(), den.longValue(), k)
                : k -> random.bernoulli(fraction, den, k));
    }

    /** exp(−1)^whole · exp(−f), f ≤ 1 given by its draws Bernoulli(f/k). */
    private static boolean wholeThenFraction(RandomIntegers random, long whole, LongPredicate fractionOverK) {
        for (long i = 0; i < whole; i++) {
            if (!oddFirstFailure(k -> random.bernoulli(1, 1, k))) {
                return false;
            }
        }
        return oddFirstFailure(fractionOverK);
    }

    /** Draws Bernoulli(γ/k) for k = 1, 2, … until one fails; exp(−γ) is the probability that k is then odd. */
    private static boolean oddFirstFailure(LongPredicate bernoulliGammaOverK) {
        long k = 1;
        while (bernoulliGammaOverK.test(k)) {
            k++;
        }
        return (k & 1) == 1;
    }
}

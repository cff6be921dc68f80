package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BernoulliExpTest {

    private static final int DRAWS = 200_000;

    @ParameterizedTest(name = "exp(−{0}/{1})")
    @CsvSource({"0, 1", "1, 3", "1, 1", "5, 2", "7, 1", "123456789, 100000000"})
    void longPathHasProbabilityExpMinusGamma(long num, long den) {
        RandomIntegers random = TestRandomness.seeded(num * 31 + den);
        assertFrequency(() -> BernoulliExp.sample(random, num, den), Math.exp(-(double) num / den));
    }

    /** Numerator and denominator beyond longs: γ = (2^70 + 2^69)/2^70 = 1.5, and a γ of whole part ≥ 2^63. */
    @ParameterizedTest(name = "exp(−{0}) in BigInteger")
    @CsvSource({"1.5", "huge"})
    void arbitraryPrecisionPathHasProbabilityExpMinusGamma(String gamma) {
        RandomIntegers random = TestRandomness.seeded(gamma.hashCode());
        BigInteger den = BigInteger.TWO.pow(70);
        if (gamma.equals("huge")) {
            BigInteger num = den.shiftLeft(64);
            assertFrequency(() -> BernoulliExp.sample(random, num, den), 0);
        } else {
            BigInteger num = den.add(den.shiftRight(1));
            assertFrequency(() -> BernoulliExp.sample(random, num, den), Math.exp(-1.5));
        }
    }

    private static void assertFrequency(BooleanSupplier draw, double p) {
        int ones = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (draw.getAsBoolean()) {
                ones++;
            }
        }
        assertThat(SampleHistogram.plausibleCount(ones, DRAWS * p)).as("%d ones, expected %.1f", ones, DRAWS * p)
                .isTrue();
        assertThat(SampleHistogram.plausibleCount(DRAWS - ones, DRAWS * (1 - p))).isTrue();
    }
}

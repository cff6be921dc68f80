package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RandomIntegersTest {

    @Test
    void drawsBelowABoundThatIsNotAPowerOfTwoAreUniform() {
        RandomIntegers random = TestRandomness.seeded(1);
        long[] counts = new long[6];
        int draws = 600_000;
        for (int i = 0; i < draws; i++) {
            counts[(int) random.below(6)]++;
        }
        // Rejecting 6 and 7 of the 3 bits is what removes the bias a modulo would leave.
        for (long count : counts) {
            assertThat(SampleHistogram.plausibleCount(count, draws / 6.0)).as("count %d", count).isTrue();
        }
    }

    /** Just over half the 63-bit range: half the candidates are rejected, and the top half must still appear. */
    @Test
    void drawsBelowLargeLongBoundsCoverTheWholeRange() {
        RandomIntegers random = TestRandomness.seeded(2);
        long bound = (1L << 61) + 3;
        int upperHalf = 0;
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            long x = random.below(bound);
            assertThat(x).isBetween(0L, bound - 1);
            if (x >= bound / 2) {
                upperHalf++;
            }
        }
        assertThat(SampleHistogram.plausibleCount(upperHalf, draws / 2.0)).isTrue();
    }

    @Test
    void drawsBelowBigIntegerBoundsAreUniform() {
        RandomIntegers random = TestRandomness.seeded(3);
        BigInteger bound = BigInteger.TWO.pow(100).multiply(BigInteger.valueOf(3)); // 3·2^100: 102 bits
        BigInteger third = bound.divide(BigInteger.valueOf(3));
        long[] thirds = new long[3];
        int draws = 90_000;
        for (int i = 0; i < draws; i++) {
            BigInteger x = random.below(bound);
            assertThat(x.signum()).isNotNegative();
            assertThat(x).isLessThan(bound);
            thirds[x.divide(third).intValueExact()]++;
        }
        for (long count : thirds) {
            assertThat(SampleHistogram.plausibleCount(count, draws / 3.0)).as("count %d", count).isTrue();
        }
    }

    @Test
    void bernoulliOfAProductTooLargeForALongKeepsItsProbability() {
        RandomIntegers random = TestRandomness.seeded(4);
        long den = 1L << 61;
        int draws = 400_000;
        int ones = 0;
        for (int i = 0; i < draws; i++) {
            if (random.bernoulli(den / 2, den, 8)) { // den·8 overflows: (1/2)·(1/8)
                ones++;
            }
        }
        assertThat(SampleHistogram.plausibleCount(ones, draws / 16.0)).as("ones %d", ones).isTrue();
    }

    @Test
    void aBoundBelowOneIsRefused() {
        RandomIntegers random = TestRandomness.seeded(5);

        assertThatThrownBy(() -> random.below(0)).hasMessageContaining("below 0");
        assertThatThrownBy(() -> random.below(BigInteger.ZERO)).hasMessageContaining("below 0");
    }
}

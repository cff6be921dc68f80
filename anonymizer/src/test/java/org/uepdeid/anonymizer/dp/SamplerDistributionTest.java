package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 10^6 draws of each exact sampler, at integer and non-integer rational parameters, against the exact distribution:
 * chi-square over the body, tail frequencies against exact tail probabilities, the variance against the library's
 * figure. Prints draws per second (measured, never asserted).
 */
class SamplerDistributionTest {

    private static final int DRAWS = 1_000_000;

    static Stream<Arguments> samplers() {
        return Stream.of(
                laplace(Rational.of(1), 11),
                laplace(Rational.of(7, 3), 12),
                laplace(Rational.of(25, 2), 13),
                gaussian(Rational.of(1), 21),
                gaussian(Rational.of(7, 3), 22),
                gaussian(Rational.of(201, 2), 23));
    }

    private static Arguments laplace(Rational t, long seed) {
        DiscreteLaplace noise = new DiscreteLaplace(t);
        return Arguments.of(noise, noise.sampler(TestRandomness.seeded(seed)),
                ExactPmf.discreteLaplace(t.toDouble()));
    }

    private static Arguments gaussian(Rational sigmaSquared, long seed) {
        DiscreteGaussian noise = new DiscreteGaussian(sigmaSquared);
        return Arguments.of(noise, noise.sampler(TestRandomness.seeded(seed)),
                ExactPmf.discreteGaussian(sigmaSquared.toDouble()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void drawsFollowTheExactDistribution(NoiseDistribution noise, NoiseSampler sampler, ExactPmf pmf) {
        assertMatches(noise, draw(noise, sampler, DRAWS), pmf);
    }

    /**
     * σ² = 3000000007/10^9 makes γ's denominator 2·a·b·t² ≈ 2.4·10^19 overflow a long, so every acceptance test takes
     * the BigInteger path; the draws must still follow the exact distribution.
     */
    @Test
    void arbitraryPrecisionPathIsExactToo() {
        Rational sigmaSquared = Rational.of(3_000_000_007L, 1_000_000_000L);
        DiscreteGaussian noise = new DiscreteGaussian(sigmaSquared);
        assertMatches(noise, draw(noise, noise.sampler(TestRandomness.seeded(31)), DRAWS / 4),
                ExactPmf.discreteGaussian(sigmaSquared.toDouble()));
    }

    /** The checks have power: draws of σ² = 7/3 fail against σ² = 5/2, 7 % wider. */
    @Test
    void chiSquareRejectsASlightlyWrongDistribution() {
        DiscreteGaussian noise = new DiscreteGaussian(Rational.of(7, 3));
        SampleHistogram histogram = draw(noise, noise.sampler(TestRandomness.seeded(41)), DRAWS);

        assertThat(histogram.chiSquare(ExactPmf.discreteGaussian(7.0 / 3)).plausible()).isTrue();
        assertThat(histogram.chiSquare(ExactPmf.discreteGaussian(2.5)).plausible()).isFalse();
    }

    private static SampleHistogram draw(NoiseDistribution noise, NoiseSampler sampler, int draws) {
        SampleHistogram histogram = new SampleHistogram();
        long start = System.nanoTime();
        for (int i = 0; i < draws; i++) {
            histogram.add(sampler.sample());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d draws, %,.0f draws/s (seeded SHA1PRNG; machine shared)%n", noise, draws,
                draws / seconds);
        return histogram;
    }

    private static void assertMatches(NoiseDistribution noise, SampleHistogram histogram, ExactPmf pmf) {
        long n = histogram.n();

        SampleHistogram.ChiSquare chi = histogram.chiSquare(pmf);
        assertThat(chi.plausible()).as("%s: chi-square %.1f on %d degrees of freedom, critical %.1f", noise,
                chi.statistic(), chi.degreesOfFreedom(), chi.critical()).isTrue();

        double sd = Math.sqrt(pmf.variance());
        for (double sds : new double[] {2, 3, 4}) {
            long k = Math.max(1, Math.round(sds * sd));
            double expected = n * pmf.tailFrom(k);
            assertThat(SampleHistogram.plausibleCount(histogram.atLeast(k), expected))
                    .as("%s: draws ≥ %d: %d, expected %.1f", noise, k, histogram.atLeast(k), expected).isTrue();
            assertThat(SampleHistogram.plausibleCount(histogram.atMost(-k), expected))
                    .as("%s: draws ≤ −%d: %d, expected %.1f", noise, k, histogram.atMost(-k), expected).isTrue();
        }

        // The sample variance's standard error is √((μ4 − σ⁴)/n).
        double variance = pmf.variance();
        double standardError = Math.sqrt((pmf.centralMoment(4) - variance * variance) / n);
        assertThat(histogram.variance()).isCloseTo(variance, offset(5 * standardError));
        assertThat(histogram.mean()).isCloseTo(0.0, offset(5 * Math.sqrt(variance / n)));
    }
}

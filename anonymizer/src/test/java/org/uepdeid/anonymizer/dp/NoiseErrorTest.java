package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mechanism's variance, tails and 95 % intervals against the distribution computed from its definition. */
class NoiseErrorTest {

    private static final List<Rational> SIGMA_SQUARED = List.of(Rational.of(1, 10), Rational.of(3, 10),
            Rational.of(1), Rational.of(7, 3), Rational.of(201, 2), Rational.of(1_000_000_000));
    private static final List<Rational> SCALES = List.of(Rational.of(1, 3), Rational.of(1), Rational.of(7, 3),
            Rational.of(250));

    @Test
    void gaussianVarianceMatchesTheSummedDefinitionAndIsBelowSigmaSquared() {
        for (Rational s2 : SIGMA_SQUARED) {
            DiscreteGaussian noise = new DiscreteGaussian(s2);
            double exact = ExactPmf.discreteGaussian(s2.toDouble()).variance();
            assertThat(noise.variance()).as("σ² %s", s2).isCloseTo(exact, within(1e-9 * exact))
                    .isLessThanOrEqualTo(s2.toDouble());
        }
    }

    @Test
    void laplaceVarianceMatchesTheSummedDefinition() {
        for (Rational t : SCALES) {
            double exact = ExactPmf.discreteLaplace(t.toDouble()).variance();
            assertThat(new DiscreteLaplace(t).variance()).as("t %s", t).isCloseTo(exact, within(1e-9 * exact));
        }
    }

    /** What a test of the noise's spread leans on; at σ² = 1/10 nearly every draw is 0 and the kurtosis is huge. */
    @Test
    void kurtosisAndTheChanceOfZeroMatchTheSummedDefinition() {
        for (Rational s2 : SIGMA_SQUARED) {
            assertMomentsMatch(new DiscreteGaussian(s2), ExactPmf.discreteGaussian(s2.toDouble()));
        }
        for (Rational t : SCALES) {
            assertMomentsMatch(new DiscreteLaplace(t), ExactPmf.discreteLaplace(t.toDouble()));
        }
        assertThat(new DiscreteGaussian(Rational.of(1, 10)).kurtosis()).isGreaterThan(50);
        assertThat(new DiscreteGaussian(Rational.of(201, 2)).kurtosis()).isCloseTo(3, within(1e-9));
        assertThat(new DiscreteLaplace(Rational.of(250)).kurtosis()).isCloseTo(6, within(1e-3));
    }

    private static void assertMomentsMatch(NoiseDistribution noise, ExactPmf pmf) {
        double variance = pmf.variance();
        double kurtosis = pmf.centralMoment(4) / (variance * variance);
        assertThat(noise.kurtosis()).as(pmf.name()).isCloseTo(kurtosis, within(1e-8 * kurtosis));
        assertThat(noise.zeroProbability()).as(pmf.name()).isCloseTo(pmf.at(0), within(1e-9 * pmf.at(0)));
    }

    /**
     * Upper bounds that are tight: never below the exact tail, and within 10^−9 of it, except for σ ≈ 31,600, beyond
     * the summed terms, where the integral bound is within 5 % below two σ and 10^−3 from there on.
     */
    @Test
    void tailsAreTightUpperBounds() {
        for (Rational s2 : SIGMA_SQUARED) {
            boolean large = s2.toDouble() > 1e6;
            checkTails(new DiscreteGaussian(s2), ExactPmf.discreteGaussian(s2.toDouble()), large ? 0.05 : 1e-9,
                    new double[] {0, 1});
            checkTails(new DiscreteGaussian(s2), ExactPmf.discreteGaussian(s2.toDouble()), large ? 1e-3 : 1e-9,
                    new double[] {2, 5, 10});
        }
        for (Rational t : SCALES) {
            checkTails(new DiscreteLaplace(t), ExactPmf.discreteLaplace(t.toDouble()), 1e-9,
                    new double[] {0, 1, 2, 5, 10});
        }
    }

    private static void checkTails(NoiseDistribution noise, ExactPmf pmf, double tolerance, double[] atSds) {
        double sd = Math.sqrt(pmf.variance());
        for (double sds : atSds) {
            long k = Math.max(1, Math.round(sds * sd));
            double exact = pmf.tailFrom(k);
            if (exact < 1e-290) {
                continue;
            }
            assertThat(noise.upperTail(k)).as("%s, k = %d", noise, k).isGreaterThanOrEqualTo(exact)
                    .isLessThanOrEqualTo(exact * (1 + tolerance));
        }
    }

    /** h is the smallest half-width with P(|Z| > h) ≤ 5 %, by the exact distribution. */
    @Test
    void ninetyFivePercentHalfWidthIsTheSmallestThatCovers() {
        for (NoiseDistribution noise : List.of(new DiscreteGaussian(Rational.of(7, 3)),
                new DiscreteGaussian(Rational.of(201, 2)), new DiscreteLaplace(Rational.of(7, 3)),
                new DiscreteLaplace(Rational.of(250)))) {
            ExactPmf pmf = noise instanceof DiscreteGaussian g ? ExactPmf.discreteGaussian(g.sigmaSquared().toDouble())
                    : ExactPmf.discreteLaplace(((DiscreteLaplace) noise).scale().toDouble());
            long h = noise.halfWidth(0.95);
            assertThat(2 * pmf.tailFrom(h + 1)).as("%s, h = %d", noise, h).isLessThanOrEqualTo(0.05);
            assertThat(2 * pmf.tailFrom(h)).as("%s, h − 1 = %d", noise, h - 1).isGreaterThan(0.05);
        }
        // The continuous Gaussian's 1.96σ, for σ = 10: 19.6, so h = 20.
        assertThat(new DiscreteGaussian(Rational.of(100)).halfWidth(0.95)).isEqualTo(20);
    }

    @Test
    void intervalsAreCutAtZero() {
        DiscreteGaussian noise = new DiscreteGaussian(Rational.of(100));

        assertThat(noise.interval(1000, 0.95)).isEqualTo(new ConfidenceInterval(980, 1020));
        assertThat(noise.interval(5, 0.95)).isEqualTo(new ConfidenceInterval(0, 25));
        assertThat(noise.interval(0, 0.95)).isEqualTo(new ConfidenceInterval(0, 20));
    }

    @Test
    void publishedValuesAreNoisyAndNeverNegative() {
        NoiseSampler sampler = new DiscreteGaussian(Rational.of(100)).sampler(TestRandomness.seeded(9));
        int negativeWouldBe = 0;
        for (int i = 0; i < 10_000; i++) {
            long published = sampler.publish(3);
            assertThat(published).isNotNegative();
            if (published == 0) {
                negativeWouldBe++;
            }
        }
        // 3 + Z ≤ 0 about 38 % of the time with σ = 10: those clamp to 0.
        assertThat(negativeWouldBe).isBetween(3_500, 4_100);
    }
}

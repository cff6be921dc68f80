package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verify's test that noise was added at the declared scale: it must pass honest noise at every scale a config can
 * give (a false alarm blocks a correct release) and still catch noise removed or declared larger than it is.
 */
class ResidualSpreadTest {

    /** σ² = 2/15 (σ ≈ 0.21) is what a generous budget gives products of many cells: most draws are 0. */
    private static final List<NoiseDistribution> NOISES = List.of(new DiscreteGaussian(Rational.of(2, 15)),
            new DiscreteGaussian(Rational.of(1, 10)), new DiscreteGaussian(Rational.of(1)),
            new DiscreteGaussian(Rational.of(201, 2)), new DiscreteLaplace(Rational.of(1, 3)),
            new DiscreteLaplace(Rational.of(1)), new DiscreteLaplace(Rational.of(250)));
    private static final int[] CELLS = {30, 44, 68, 200};
    private static final int TRIALS = 300;

    @Test
    void honestNoiseAtAnyScalePasses() {
        long seed = 1;
        for (NoiseDistribution noise : NOISES) {
            for (int cells : CELLS) {
                NoiseSampler sampler = sampler(noise, seed++);
                for (int trial = 0; trial < TRIALS; trial++) {
                    ResidualSpread spread = ResidualSpread.of(draw(sampler, cells), noise,
                            noise.standardDeviation());
                    assertThat(spread.passed()).as("%s on %d cells: %s", noise, cells, spread.describe()).isTrue();
                }
            }
        }
    }

    /** The false alarm that blocked a release: 44 cells of σ ≈ 0.21 noise all drew 0 (13 % of the time). */
    @Test
    void allZeroResidualsThatSoSmallANoiseOftenGivesAreNoEvidenceOfNone() {
        NoiseDistribution noise = NOISES.get(0);
        ResidualSpread spread = ResidualSpread.of(new double[44], noise, noise.standardDeviation());

        assertThat(spread.allZeroChance()).isBetween(0.05, 0.3);
        assertThat(spread.passed()).isTrue();
        assertThat(spread.describe()).contains("too little noise to tell it from none");
    }

    @Test
    void removedNoiseFailsWhereTheNoiseRarelyDrawsZero() {
        for (NoiseDistribution noise : List.of(new DiscreteGaussian(Rational.of(1)), new DiscreteLaplace(
                Rational.of(1)))) {
            ResidualSpread spread = ResidualSpread.of(new double[30], noise, noise.standardDeviation());

            assertThat(spread.passed()).as(noise.toString()).isFalse();
            assertThat(spread.describe()).isEqualTo("every residual is zero: no noise was added");
        }
        NoiseDistribution tiny = NOISES.get(0);
        assertThat(ResidualSpread.of(new double[400], tiny, tiny.standardDeviation()).passed())
                .as("400 cells of σ ≈ 0.21 all zero: a chance of 10^-8").isFalse();
    }

    @Test
    void aDeclaredScaleThatIsNotTheRealOneFails() {
        NoiseDistribution noise = new DiscreteGaussian(Rational.of(9));
        double[] residuals = draw(sampler(noise, 99), 30);

        ResidualSpread overstated = ResidualSpread.of(residuals, noise, 10 * noise.standardDeviation());
        ResidualSpread understated = ResidualSpread.of(residuals, noise, noise.standardDeviation() / 3);

        assertThat(overstated.passed()).isFalse();
        assertThat(overstated.describe()).contains("outside [");
        assertThat(understated.passed()).isFalse();
        assertThat(ResidualSpread.of(residuals, noise, noise.standardDeviation()).passed()).isTrue();
    }

    private static NoiseSampler sampler(NoiseDistribution noise, long seed) {
        RandomIntegers random = TestRandomness.seeded(seed);
        return noise instanceof DiscreteGaussian gaussian ? gaussian.sampler(random)
                : ((DiscreteLaplace) noise).sampler(random);
    }

    private static double[] draw(NoiseSampler sampler, int cells) {
        double[] residuals = new double[cells];
        for (int i = 0; i < cells; i++) {
            residuals[i] = sampler.sample();
        }
        return residuals;
    }
}

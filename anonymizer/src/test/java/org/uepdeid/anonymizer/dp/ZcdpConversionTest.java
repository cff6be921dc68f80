package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZcdpConversionTest {

    private static final double[] RHOS = {1e-6, 1e-4, 0.002, 0.05, 0.5, 1, 3, 20};
    private static final double[] DELTAS = {1e-12, 1e-9, 1e-7, 1e-5, 1e-3, 0.1};

    /** The tight conversion is never worse than Bun and Steinke's simple bound, and strictly better here. */
    @Test
    void neverExceedsTheSimpleBound() {
        for (double rho : RHOS) {
            for (double delta : DELTAS) {
                double tight = ZcdpConversion.epsilon(rho, delta);
                double simple = ZcdpConversion.simpleEpsilon(rho, delta);
                assertThat(tight).as("rho %s delta %s", rho, delta).isLessThan(simple).isNotNegative();
            }
        }
    }

    /**
     * Against the CKS Corollary 13 expression minimised by brute force over 200,000 values of α, log-spaced on
     * (1, 10^8]: the bisection finds the same minimum, or one slightly lower (the grid only approaches it), to a
     * relative 10^−6.
     */
    @Test
    void matchesCorollary13MinimisedByBruteForce() {
        for (double rho : RHOS) {
            for (double delta : DELTAS) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 1; i <= 200_000; i++) {
                    double alpha = 1 + Math.pow(10, -8 + 16.0 * i / 200_000);
                    double epsilon = alpha * rho + (Math.log(1 / delta) - Math.log(alpha)) / (alpha - 1)
                            + Math.log(1 - 1 / alpha);
                    best = Math.min(best, epsilon);
                }
                double tight = ZcdpConversion.epsilon(rho, delta);
                assertThat(tight).as("rho %s delta %s", rho, delta)
                        .isLessThanOrEqualTo(Math.max(0, best) * (1 + 1e-9))
                        .isGreaterThanOrEqualTo(Math.max(0, best) * (1 - 1e-6));
            }
        }
    }

    /**
     * The conversion is sound for the mechanism it serves: adding the discrete Gaussian to a sensitivity-1 count is
     * ρ = 1/(2σ²)-zCDP, and its exact δ at the converted ε — Σ_y max(0, P(y) − e^ε·P(y − 1)) over neighbouring counts
     * 0 and 1 (CKS 2020, Theorem 7) — is within the δ the conversion was asked for, and from σ² = 4 on, where the
     * discrete Gaussian behaves like the continuous one, not far below it.
     */
    @Test
    void theConvertedGuaranteeHoldsForTheDiscreteGaussianItself() {
        for (double sigmaSquared : new double[] {0.5, 4, 50, 2500}) {
            ExactPmf pmf = ExactPmf.discreteGaussian(sigmaSquared);
            double rho = 1 / (2 * sigmaSquared);
            for (double delta : new double[] {1e-9, 1e-6, 1e-3}) {
                double epsilon = ZcdpConversion.epsilon(rho, delta);
                double exactDelta = 0;
                for (long y = -pmf.support(); y <= pmf.support(); y++) {
                    exactDelta += Math.max(0, pmf.at(y) - Math.exp(epsilon) * pmf.at(y - 1));
                }
                assertThat(exactDelta).as("σ² %s, δ %s: ε %s", sigmaSquared, delta, epsilon)
                        .isLessThanOrEqualTo(delta);
                if (sigmaSquared >= 4) {
                    assertThat(exactDelta).isGreaterThan(delta / 20);
                }
            }
        }
    }

    @Test
    void rhoIsTheLargestThatConvertsWithinEpsilon() {
        for (double epsilon : new double[] {0.01, 0.5, 1, 10, 40}) {
            for (double delta : DELTAS) {
                double rho = ZcdpConversion.rho(epsilon, delta);
                assertThat(ZcdpConversion.epsilon(rho, delta)).isLessThanOrEqualTo(epsilon);
                assertThat(ZcdpConversion.epsilon(rho * (1 + 1e-6), delta)).isGreaterThan(epsilon);
            }
        }
    }

    @Test
    void zeroRhoIsNoLossAndBadArgumentsAreNamed() {
        assertThat(ZcdpConversion.epsilon(0, 1e-7)).isZero();
        assertThatThrownBy(() -> ZcdpConversion.epsilon(-1, 1e-7)).hasMessageContaining("rho")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> ZcdpConversion.epsilon(0.1, 0)).hasMessageContaining("delta");
        assertThatThrownBy(() -> ZcdpConversion.rho(Double.NaN, 1e-7)).hasMessageContaining("epsilon");
    }
}

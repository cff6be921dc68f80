package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Shares and bounds over many magnitudes: rounding the noise up never spends more than the share. */
    @Test
    void roundingNeverSpendsMoreThanTheShareAndWastesLittle() {
        SplittableRandom parameters = new SplittableRandom(7); // picks test cases, not noise
        for (int i = 0; i < 2_000; i++) {
            double share = Math.pow(10, -6 + 7 * parameters.nextDouble());
            Sensitivity sensitivity = new Sensitivity(1 + parameters.nextInt(50), 1 + parameters.nextInt(600));
            for (Mechanism mechanism : Mechanism.values()) {
                PrivacyLoss given = new PrivacyLoss(mechanism.accounting(), share);
                NoiseDistribution noise = mechanism.calibrate(given, sensitivity);
                double spent = noise.loss(sensitivity).value();
                assertThat(spent).as("%s share %s %s", mechanism, share, sensitivity).isLessThanOrEqualTo(share)
                        .isGreaterThan(share * (1 - 1e-5));
            }
        }
    }

    /** Δ₂² = L0·L∞² = 10·9 = 90 at ρ = 0.01 gives σ² = 4500 exactly; Δ₁ = 30 at ε = 0.7 gives t = 42.8572 (up). */
    @Test
    void parametersAreExactRationalsRoundedUp() {
        Sensitivity sensitivity = new Sensitivity(10, 3);
        assertThat(sensitivity.l1()).isEqualTo(30);
        assertThat(sensitivity.l2Squared()).isEqualTo(90);

        DiscreteGaussian gaussian = (DiscreteGaussian) Mechanism.DISCRETE_GAUSSIAN
                .calibrate(PrivacyLoss.zcdp(0.01), sensitivity);
        // 0.01 is not exact in binary: 90/(2·0.01) is a hair under 4500, and six digits round it up to 4500.
        assertThat(gaussian.sigmaSquared()).isEqualTo(Rational.of(4500));
        assertThat(gaussian.loss(sensitivity).value()).isLessThanOrEqualTo(0.01);

        DiscreteLaplace laplace = (DiscreteLaplace) Mechanism.DISCRETE_LAPLACE
                .calibrate(PrivacyLoss.pure(0.7), sensitivity);
        assertThat(laplace.scale()).isEqualTo(Rational.of(428_572, 10_000));
        assertThat(laplace.loss(sensitivity).value()).isLessThan(0.7);
    }

    @Test
    void aShareOfTheWrongAccountingOrOfZeroIsRefused() {
        Sensitivity sensitivity = new Sensitivity(1, 1);

        assertThatThrownBy(() -> Mechanism.DISCRETE_GAUSSIAN.calibrate(PrivacyLoss.pure(1), sensitivity))
                .hasMessageContaining("zcdp").hasMessageContaining("pure");
        assertThatThrownBy(() -> Mechanism.DISCRETE_LAPLACE.calibrate(PrivacyLoss.pure(0), sensitivity))
                .hasMessageContaining("zero");
        assertThatThrownBy(() -> Mechanism.named("gaussian")).hasMessageContaining("discrete-gaussian");
        assertThat(Mechanism.named("discrete-laplace")).isEqualTo(Mechanism.DISCRETE_LAPLACE);
    }

    @Test
    void boundsAreValidatedWithTheirNames() {
        assertThatThrownBy(() -> new Sensitivity(0, 5)).hasMessageContaining("max_cells_per_device");
        assertThatThrownBy(() -> new Sensitivity(2, Long.MAX_VALUE / 2)).hasMessageContaining("too large");
    }
}

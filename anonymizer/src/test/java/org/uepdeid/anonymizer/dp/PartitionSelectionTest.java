package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSelectionTest {

    /**
     * Discrete Laplace, closed form: P(Z ≥ k) = q^k/(1+q) with q = e^(−1/t). With t = 5/2, L0 = 4 and δ = 10^−6, τ is
     * the smallest integer with q^(τ−1)/(1+q) ≤ 2.5·10^−7: τ − 1 ≥ t·ln(1/((1+q)·2.5·10^−7)) = 36.72…, so τ = 38.
     */
    @Test
    void laplaceThresholdMeetsItsClosedForm() {
        DiscreteLaplace noise = new DiscreteLaplace(Rational.of(5, 2));
        PartitionSelection selection = PartitionSelection.of(noise, 4, 1e-6);

        double q = Math.exp(-1 / 2.5);
        double perCell = 1e-6 / 4;
        assertThat(selection.threshold()).isEqualTo(38);
        assertThat(Math.pow(q, selection.threshold() - 1) / (1 + q)).isLessThanOrEqualTo(perCell);
        assertThat(Math.pow(q, selection.threshold() - 2) / (1 + q)).isGreaterThan(perCell);
        assertThat(selection.deltaSpent()).isLessThanOrEqualTo(1e-6).isGreaterThan(1e-6 * q);
    }

    /**
     * Discrete Gaussian: τ is the smallest integer whose one-device cell appears with probability at most δ/L0, by the
     * tail summed from the definition; the δ spent is L0 times that probability.
     */
    @Test
    void gaussianThresholdMeetsItsDefinition() {
        for (Rational s2 : List.of(Rational.of(7, 3), Rational.of(2500), Rational.of(40_000))) {
            for (long l0 : new long[] {1, 10}) {
                for (double delta : new double[] {1e-9, 1e-6}) {
                    PartitionSelection selection = PartitionSelection.of(new DiscreteGaussian(s2), l0, delta);
                    ExactPmf pmf = ExactPmf.discreteGaussian(s2.toDouble());
                    long tau = selection.threshold();
                    String what = "σ² " + s2 + ", L0 " + l0 + ", δ " + delta + ": τ " + tau;
                    assertThat(l0 * pmf.tailFrom(tau - 1)).as(what).isLessThanOrEqualTo(delta);
                    assertThat(l0 * pmf.tailFrom(tau - 2)).as(what).isGreaterThan(delta);
                    assertThat(selection.deltaSpent()).as(what).isLessThanOrEqualTo(delta)
                            .isGreaterThanOrEqualTo(l0 * pmf.tailFrom(tau - 1));
                }
            }
        }
    }

    /**
     * The attack: a cell that only one device feeds. Over 10^6 such cells, each with fresh noise, the share that
     * appears is what δ/L0 allows, and no more; a cell with many devices appears almost always.
     */
    @Test
    void cellsOfOneDeviceRarelyAppear() {
        DiscreteGaussian noise = new DiscreteGaussian(Rational.of(9));
        PartitionSelection selection = PartitionSelection.of(noise, 5, 0.05); // 1 % per cell, to be measurable
        NoiseSampler sampler = noise.sampler(TestRandomness.seeded(77));
        int cells = 1_000_000;
        int appeared = 0;
        int bigAppeared = 0;
        for (int i = 0; i < cells; i++) {
            if (selection.keeps(sampler.publish(1))) {
                appeared++;
            }
            if (selection.keeps(sampler.publish(selection.threshold() + 15))) {
                bigAppeared++;
            }
        }
        double p = selection.singleDeviceCellProbability();
        assertThat(p).isLessThanOrEqualTo(0.01);
        assertThat(SampleHistogram.plausibleCount(appeared, cells * p)).as("%d appeared, expected %.0f", appeared,
                cells * p).isTrue();
        assertThat(appeared).isLessThanOrEqualTo((int) (cells * 0.01));
        assertThat(bigAppeared).isGreaterThan(cells - cells / 1000);
    }

    @Test
    void badParametersAreNamed() {
        DiscreteGaussian noise = new DiscreteGaussian(Rational.of(4));

        assertThatThrownBy(() -> PartitionSelection.of(noise, 0, 1e-6)).hasMessageContaining("max_cells_per_device");
        assertThatThrownBy(() -> PartitionSelection.of(noise, 3, 0)).hasMessageContaining("delta");
    }
}

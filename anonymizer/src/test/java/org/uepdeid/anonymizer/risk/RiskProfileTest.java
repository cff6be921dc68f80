package org.uepdeid.anonymizer.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The risk profile of published classes, worked out by hand. */
class RiskProfileTest {

    @Test
    void measuresRisksFromClassSizes() {
        // Classes of 1, 2 and 5 records (8 in all); threshold 0.3: risks 1 and 0.5 exceed it, 0.2 does not.
        RiskProfile risk = RiskProfile.of(new int[] {2, 1, 5}, 0.3);

        assertThat(risk.records()).isEqualTo(8);
        assertThat(risk.classes()).isEqualTo(3);
        assertThat(risk.prosecutorMax()).isEqualTo(1.0);
        assertThat(risk.prosecutorAverage()).isEqualTo(3.0 / 8);
        assertThat(risk.journalistMax()).isEqualTo(1.0);
        assertThat(risk.marketer()).isEqualTo(3.0 / 8);
        assertThat(risk.recordsAtRisk()).isEqualTo(3.0 / 8);
        assertThat(risk.sampleUniqueness()).isEqualTo(1.0 / 8);
    }

    @Test
    void aRecordExactlyAtTheThresholdIsNotAtRisk() {
        RiskProfile risk = RiskProfile.of(new int[] {4, 5}, 0.25);

        assertThat(risk.prosecutorMax()).isEqualTo(0.25);
        assertThat(risk.recordsAtRisk()).isZero();
        assertThat(risk.sampleUniqueness()).isZero();
    }

    @Test
    void nothingPublishedCarriesNoRisk() {
        RiskProfile risk = RiskProfile.of(new int[0], 0.2);

        assertThat(risk.records()).isZero();
        assertThat(risk.prosecutorMax()).isZero();
    }

    @Test
    void rejectsAThresholdOutsideTheUnitInterval() {
        assertThatThrownBy(() -> RiskProfile.of(new int[] {3}, 0)).hasMessageContaining("got 0.0");
    }
}

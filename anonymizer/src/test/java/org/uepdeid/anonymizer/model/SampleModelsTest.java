package org.uepdeid.anonymizer.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The risk-based models' figures and verdicts (METRICS.md §10), on class-size samples worked out by hand. */
class SampleModelsTest {

    @Test
    void averageRiskIsClassesOverRecords() {
        // 10 records in 4 classes: average class size 2.5, average risk 0.4.
        assertThat(new AverageRisk(0.4).risk(10, 4, 1)).isEqualTo(0.4);
        assertThat(new AverageRisk(0.4).isFulfilled(10, 4, 1)).isTrue();
        assertThat(new AverageRisk(0.39).isFulfilled(10, 4, 1)).isFalse();
        assertThat(new AverageRisk(0.01).isFulfilled(100, 1, 0)).as("one class of 100 meets 0.01").isTrue();
        assertThat(new AverageRisk(0.01).isFulfilled(99, 1, 0)).isFalse();
    }

    @Test
    void sampleUniquenessIsTheShareOfRecordsAloneInTheirClass() {
        // 3 of 20 records are alone: 0.15.
        assertThat(new SampleUniqueness(0.15).risk(20, 8, 3)).isEqualTo(0.15);
        assertThat(new SampleUniqueness(0.15).isFulfilled(20, 8, 3)).isTrue();
        assertThat(new SampleUniqueness(0.1).isFulfilled(20, 8, 3)).isFalse();
        assertThat(new SampleUniqueness(0).isFulfilled(20, 8, 0)).isTrue();
    }

    @Test
    void noRecordsCarryNoRisk() {
        assertThat(new AverageRisk(0.01).isFulfilled(0, 0, 0)).isTrue();
        assertThat(new SampleUniqueness(0).isFulfilled(0, 0, 0)).isTrue();
    }
}

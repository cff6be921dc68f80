package org.uepdeid.jobs.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples in a report show the kind of a leak, never the value. */
class SampleMaskTest {

    @Test
    void keepsAnAddressesFirstOctetAndTwoCharactersOfAnythingElse() {
        assertThat(SampleMask.mask("203.0.113.7")).isEqualTo("203.***");
        assertThat(SampleMask.mask("13812345678")).isEqualTo("13***");
        assertThat(SampleMask.mask("3f9a0c5e7b2d4a6f8e1c3b5a7d9f0e2c4b6a8d0f1e3c5b7a9d2f4e6c8b0a1d3f"))
                .isEqualTo("3f***");
        assertThat(SampleMask.mask("zh")).as("short values keep nothing").isEqualTo("***");
        assertThat(SampleMask.maskTuple(List.of("East", "20.*"))).isEqualTo("Ea*** | 20***");
    }

    @Test
    void aResultRefusesASampleThatWasNotMasked() {
        assertThat(SampleMask.isMasked(SampleMask.maskTuple(List.of("East", "203.0.113.7")))).isTrue();
        assertThatThrownBy(() -> new CheckResult("pii_patterns", "stats/x", 1, 0, false, "", List.of("203.0.113.7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("203");
    }
}

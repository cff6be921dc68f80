package org.uepdeid.jobs.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountingTest {

    @Test
    void balancesWhenEveryLineHasOneOutcome() {
        Accounting accounting = new Accounting(12, 5, Map.of("bad_json", 2L, "bad_ip", 1L), 1, 1, 1, 1);

        assertThat(accounting.quarantinedTotal()).isEqualTo(3);
        assertThat(accounting.requireBalanced()).isSameAs(accounting);
    }

    @Test
    void aLostLineFailsWithTheCountsOnly() {
        Accounting accounting = new Accounting(13, 5, Map.of("bad_json", 2L), 1, 1, 1, 1);

        assertThatThrownBy(accounting::requireBalanced)
                .isInstanceOf(AccountingMismatchException.class)
                .hasMessageContaining("input_lines 13 != ").hasMessageContaining("= 11");
    }

    @Test
    void negativeCountsAreRefusedByName() {
        assertThatThrownBy(() -> new Accounting(1, 1, Map.of("bad_ip", -1L), 0, 0, 0, 0))
                .hasMessageContaining("quarantined.bad_ip");
    }
}

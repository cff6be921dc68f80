package org.uepdeid.jobs.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uepdeid.jobs.cli.UepDeid;
import org.uepdeid.jobs.config.ExitCodes;
import picocli.CommandLine;

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
    void aMismatchEndsTheCommandWithExitCode3() {
        CommandLine cli = UepDeid.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.addSubcommand(new UnbalancedJob());

        assertThat(cli.execute("unbalanced")).isEqualTo(ExitCodes.RUNTIME_FAILURE);
    }

    @Test
    void negativeCountsAreRefusedByName() {
        assertThatThrownBy(() -> new Accounting(1, 1, Map.of("bad_ip", -1L), 0, 0, 0, 0))
                .hasMessageContaining("quarantined.bad_ip");
    }

    /** A job whose accounting loses a line. */
    @CommandLine.Command(name = "unbalanced")
    static final class UnbalancedJob implements Runnable {
        @Override
        public void run() {
            new Accounting(2, 1, Map.of(), 0, 0, 0, 0).requireBalanced();
        }
    }
}

package org.uepdeid.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.testing.CommandLineRun;

/** What the production command line offers: the jobs, and not the benchmarks (they are the bench module's). */
class UepDeidTest {

    @Test
    void theBenchmarksAreNeitherListedNorAccepted() {
        CommandLineRun cli = new CommandLineRun();
        assertThat(cli.execute("--help")).isEqualTo(ExitCodes.DONE);
        assertThat(cli.out()).contains("anonymize-table").doesNotContain("bench");

        assertThat(cli.execute("bench-anonymizer", "--cases", "cases.json")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.execute("bench-pipeline")).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("Unmatched argument");
    }
}

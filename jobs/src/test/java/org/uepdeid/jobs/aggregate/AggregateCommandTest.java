package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.testing.CommandLineRun;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** The aggregate command's usage errors: exit code 2 and one line that says what to run. */
class AggregateCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private final CommandLineRun cli = new CommandLineRun();

    @BeforeAll
    static void shareTheTestSession() {
        // The command's SparkSessions.getOrCreate then finds this small session instead of starting local[*].
        SparkTestSession.get();
    }

    @BeforeEach
    void writeConfig() throws IOException {
        config = TelemetryFixtures.writeConfigFile(dir);
    }

    @Test
    void missingClassesAreAUsageErrorThatNamesThePathAndAnonymize() throws IOException {
        Files.createDirectories(dir.resolve("data/staging/events/dt=2026-11-27"));
        Files.createDirectories(dir.resolve("data/staging/profiles/dt=2026-11-27"));

        int exit = cli.execute("aggregate", "--date", "2026-11-27", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("staging/classes/dt=2026-11-27", "run anonymize first")
                .doesNotContain("staging/events", "Exception");
        assertThat(dir.resolve("data/published")).doesNotExist();
    }

    @Test
    void anEmptyDataRootNamesEveryJobToRunFirst() {
        int exit = cli.execute("aggregate", "--date", "2026-11-27", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("run ingest first", "run profile first", "run anonymize first");
    }

    @Test
    void aMissingDateIsAUsageError() {
        assertThat(cli.execute("aggregate", "--config", config.toString())).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--date");
    }
}

package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.testing.CommandLineRun;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** The ingest command's usage errors: exit code 2 and one line that says what to do. */
class IngestCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private final CommandLineRun cli = new CommandLineRun();

    @BeforeEach
    void writeConfig() throws IOException {
        config = TelemetryFixtures.writeConfigFile(dir);
    }

    @Test
    void withoutAKeyOrDemoItRefusesToRun() {
        assumeTrue(System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE) == null, "the build sets a key");

        int exit = cli.execute("ingest", "--date", "2026-11-27", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("no pseudonym key", PseudonymKey.ENVIRONMENT_VARIABLE, "--key-file");
    }

    @Test
    void aMissingLandingPartitionIsAUsageError() {
        int exit = cli.execute("ingest", "--date", "2026-11-27", "--config", config.toString(), "--demo");

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("no landing partition", "dt=2026-11-27");
    }

    @Test
    void theDemoKeyIsRefusedOnADayGenerateDidNotWrite() {
        TelemetryFixtures.writeLanding(dir.resolve("data"), "a.jsonl",
                List.of(TelemetryFixtures.utf8(TelemetryFixtures.login(TelemetryFixtures.deviceId(1)).toString())));

        int exit = cli.execute("ingest", "--date", "2026-11-27", "--config", config.toString(), "--demo");

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("--demo", "not written by `uep-deid generate`", "openssl rand -hex 32");
    }

    @Test
    void aShortKeyIsAUsageErrorThatSaysHowToMakeOne() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "hunter2\n");

        int exit = cli.execute("ingest", "--date", "2026-11-27", "--config", config.toString(), "--key-file",
                key.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("64 hex digits", "openssl rand -hex 32").doesNotContain("hunter2");
    }

    @Test
    void aBadDateIsAUsageError() {
        assertThat(cli.execute("ingest", "--date", "27.11.2026", "--demo")).isEqualTo(ExitCodes.BAD_USAGE);
    }

    @Test
    void aBadConfigNamesTheFile() {
        int exit = cli.execute("ingest", "--date", "2026-11-27", "--config", dir.resolve("nope.yaml").toString(),
                "--demo");

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(cli.err()).contains("nope.yaml", "does not exist");
    }
}

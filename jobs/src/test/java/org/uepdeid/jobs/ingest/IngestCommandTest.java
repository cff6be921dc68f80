package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.cli.ExitCodes;
import org.uepdeid.jobs.cli.UepDeid;
import org.uepdeid.jobs.config.PseudonymKey;
import picocli.CommandLine;

/** The ingest command's usage errors: exit code 2 and one line that says what to do. */
class IngestCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        try (InputStream regions = getClass().getResourceAsStream("/ip-regions-test.csv")) {
            Files.copy(regions, dir.resolve("ip-regions.csv"));
        }
        config = Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\nanonymization: {k: 10}\n");
    }

    @Test
    void withoutAKeyOrDemoItRefusesToRun() {
        assumeTrue(System.getenv(PseudonymKey.ENVIRONMENT_VARIABLE) == null, "the build sets a key");

        int exit = run("ingest", "--date", "2026-11-27", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("no pseudonym key", PseudonymKey.ENVIRONMENT_VARIABLE, "--key-file");
    }

    @Test
    void aMissingLandingPartitionIsAUsageError() {
        int exit = run("ingest", "--date", "2026-11-27", "--config", config.toString(), "--demo");

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("no landing partition", "dt=2026-11-27");
    }

    @Test
    void aBadDateIsAUsageError() {
        assertThat(run("ingest", "--date", "27.11.2026", "--demo")).isEqualTo(ExitCodes.BAD_USAGE);
    }

    @Test
    void aBadConfigNamesTheFile() {
        int exit = run("ingest", "--date", "2026-11-27", "--config", dir.resolve("nope.yaml").toString(), "--demo");

        assertThat(exit).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(err.toString()).contains("nope.yaml", "does not exist");
    }

    private int run(String... args) {
        CommandLine cli = UepDeid.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}

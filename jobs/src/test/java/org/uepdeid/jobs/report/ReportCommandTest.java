package org.uepdeid.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.uepdeid.jobs.testing.SparkTestSession;
import picocli.CommandLine;

/** {@code uep-deid report}: prints the report's location, and exits 2 with one clear line on bad input. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        try (InputStream regions = getClass().getResourceAsStream("/ip-regions-test.csv")) {
            Files.copy(regions, dir.resolve("ip-regions.csv"));
        }
        config = Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\nanonymization: {k: 10}\n");
        data = Files.createDirectories(dir.resolve("data"));
    }

    @Test
    void printsWhereTheReportIs() throws IOException {
        ReportDay.write(SparkTestSession.get(), data);

        assertThat(run("--rows", "1")).isEqualTo(ExitCodes.DONE);

        assertThat(out.toString().strip()).endsWith("reports/dt=2026-11-27/report.html");
        assertThat(data.resolve("reports/dt=2026-11-27/report.html")).isRegularFile();
    }

    @Test
    void missingManifestsAreNamedWithTheJobToRunFirst() {
        assertThat(run()).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(err.toString()).contains("cannot report on --date 2026-11-27",
                "staging/events/dt=2026-11-27/_manifest.json does not exist; run ingest first",
                "staging/profiles/dt=2026-11-27/_manifest.json does not exist; run profile first",
                "published/microdata/device_profiles/dt=2026-11-27/_manifest.json does not exist; run anonymize first");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aMalformedComplianceFileIsNamedWithItsKey() throws IOException {
        ReportDay.write(SparkTestSession.get(), data);
        Files.writeString(data.resolve("reports/dt=2026-11-27/compliance.json"),
                "{\"status\": \"passed\", \"checks\": [{\"name\": \"k_anonymity\", \"passed\": \"yes\"}]}");

        assertThat(run()).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(err.toString()).contains("reports/dt=2026-11-27/compliance.json: checks[0].passed must be true "
                + "or false");
    }

    @Test
    void rowsMustBePositive() {
        assertThat(run("--rows", "0")).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(err.toString()).contains("--rows: must be at least 1, got 0");
    }

    private int run(String... extra) {
        CommandLine cli = UepDeid.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[] {"report", "--date", "2026-11-27", "--config", config.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return cli.execute(all);
    }
}

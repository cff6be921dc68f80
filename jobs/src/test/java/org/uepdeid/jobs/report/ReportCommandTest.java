package org.uepdeid.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.testing.CommandLineRun;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** {@code uep-deid report}: prints the report's location, and exits 2 with one clear line on bad input. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private Path data;
    private final CommandLineRun cli = new CommandLineRun();

    @BeforeEach
    void writeConfig() throws IOException {
        config = TelemetryFixtures.writeConfigFile(dir);
        data = Files.createDirectories(dir.resolve("data"));
    }

    @Test
    void printsWhereTheReportIs() throws IOException {
        ReportDay.write(SparkTestSession.get(), data);

        assertThat(run("--rows", "1")).isEqualTo(ExitCodes.DONE);

        assertThat(cli.out().strip()).endsWith("reports/dt=2026-11-27/report.html");
        assertThat(data.resolve("reports/dt=2026-11-27/report.html")).isRegularFile();
    }

    @Test
    void missingManifestsAreNamedWithTheJobToRunFirst() {
        assertThat(run()).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(cli.err()).contains("cannot report on --date 2026-11-27",
                "staging/events/dt=2026-11-27/_manifest.json does not exist; run ingest first",
                "staging/profiles/dt=2026-11-27/_manifest.json does not exist; run profile first",
                "published/microdata/device_profiles/dt=2026-11-27/_manifest.json does not exist; run anonymize first");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    void aMalformedComplianceFileIsNamedWithItsKey() throws IOException {
        ReportDay.write(SparkTestSession.get(), data);
        Files.writeString(data.resolve("reports/dt=2026-11-27/compliance.json"),
                "{\"status\": \"passed\", \"checks\": [{\"name\": \"k_anonymity\", \"passed\": \"yes\"}]}");

        assertThat(run()).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(cli.err()).contains("reports/dt=2026-11-27/compliance.json: checks[0].passed: must be true "
                + "or false, got \"yes\"");
    }

    @Test
    void aMalformedReleaseLogFileIsNamedWithItsKey() throws IOException {
        ReportDay.write(SparkTestSession.get(), data);
        Path release = HistoryDays.release(data, "2026-11-27-r1", ReportDay.DAY, null, null);
        HistoryDays.edit(release, text -> text.replace("\"created\" : \"2026-11-28T03:00:00Z\",", ""));

        assertThat(run()).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(cli.err()).contains("published/_releases/2026-11-27-r1.json: created: is required");
    }

    @Test
    void rowsMustBePositive() {
        assertThat(run("--rows", "0")).isEqualTo(ExitCodes.BAD_USAGE);

        assertThat(cli.err()).contains("--rows: must be at least 1, got 0");
    }

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("report", "--date", "2026-11-27", "--config", config.toString()));
        args.addAll(List.of(extra));
        return cli.execute(args.toArray(String[]::new));
    }
}

package org.uepdeid.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.testing.CommandLineRun;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * Days released one after another through the command line, as a scheduler runs them: a backfill skips the published
 * day between two new ones and publishes the others with their verification recorded; a replacement after erasing
 * one device, without differential privacy, is refused, the standing release stays and the compliance report names
 * the failed check; a command that finds the data root locked exits 2 naming the holder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleasesOverTimeTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 27);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CONFIG = REPO.resolve("jobs-config/pipeline.yaml");
    private static final JsonMapper JSON = new JsonMapper();

    private Path data;
    private ReleaseLog log;

    @BeforeAll
    void generateThreeDays(@TempDir Path dir) throws IOException {
        Path generatorConfig = dir.resolve("generate.yaml");
        Files.writeString(generatorConfig, "generate:\n  ip_regions: " + REPO.resolve("jobs-config/ip-regions.csv")
                + "\n");
        data = dir.resolve("data");
        TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY_1, 3, 250, 3, 0.01,
                Optional.of(generatorConfig), Optional.empty())).writeLanding(SparkTestSession.get());
        log = new ReleaseLog(new DataRoot(data.toUri()), new Configuration());
    }

    @Test
    @Order(1)
    void aBackfillRunsTheUnpublishedDaysAndSkipsThePublishedOne() throws IOException {
        assertThat(run("run", "--date", DAY_1.plusDays(1).toString()).code()).isEqualTo(ExitCodes.DONE);

        Result backfill = run("run", "--from", DAY_1.toString(), "--to", DAY_1.plusDays(2).toString());

        assertThat(backfill.code()).isEqualTo(ExitCodes.DONE);
        assertThat(backfill.out()).containsPattern(DAY_1 + "\\s+done\\s+release " + DAY_1 + "-r1")
                .containsPattern(DAY_1.plusDays(1) + "\\s+skipped\\s+release " + DAY_1.plusDays(1) + "-r1 stands")
                .containsPattern(DAY_1.plusDays(2) + "\\s+done\\s+release " + DAY_1.plusDays(2) + "-r1");
        assertThat(log.between(DAY_1, DAY_1.plusDays(2))).hasSize(3);
        JsonNode microdata = manifest("published/microdata/device_profiles/dt=" + DAY_1);
        assertThat(microdata.at("/verification/status").asText()).isEqualTo("passed");
        assertThat(microdata.at("/verification/report").asText())
                .isEqualTo("reports/dt=" + DAY_1 + "/compliance.json");
        assertThat(microdata.at("/verification/checks")).isNotEmpty();
        assertThat(manifest("published/stats/os_adoption/dt=" + DAY_1).at("/verification/status").asText())
                .isEqualTo("passed");
        assertThat(compliance().get("status").asText()).isEqualTo("passed");
    }

    @Test
    @Order(2)
    void aReplacementThatSinglesOutAnErasedDeviceIsRefusedAndTheStandingReleaseStays() throws IOException {
        List<String> before = publishedFiles();
        String device = SparkTestSession.get().read().text(data.resolve("landing/dt=" + DAY_1).toString())
                .select(get_json_object(col("value"), "$.device_id").as("id"))
                .filter(col("id").isNotNull().and(get_json_object(col("value"), "$.event_type")
                        .equalTo("device_profile").and(get_json_object(col("value"), "$.uep_enabled")
                                .equalTo("true")))
                        // A device whose rows were published: consented under the current policy, not a child.
                        .and(get_json_object(col("value"), "$.consent_version")
                                .equalTo(ConsentSection.CURRENT_POLICY_VERSION))
                        .and(get_json_object(col("value"), "$.birth_year").isNull()))
                .as(Encoders.STRING()).first();
        assertThat(run("erase", "--device-id", device).code()).isEqualTo(ExitCodes.DONE);

        Result replace = run("run", "--date", DAY_1.toString(), "--replace", "--reason", "erasure");

        assertThat(replace.code()).as(replace.err()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(replace.err()).contains("replacement_differencing").contains("release " + DAY_1 + "-r1 stands");
        assertThat(publishedFiles()).as("every published file as it was").isEqualTo(before);
        assertThat(log.history(DAY_1)).hasSize(1);
        assertThat(data.resolve("published/_retractions")).doesNotExist();
        JsonNode report = compliance();
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("checks")).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("replacement_differencing");
            assertThat(c.get("passed").asBoolean()).isFalse();
        });
    }

    @Test
    @Order(3)
    void aCommandThatFindsTheDataRootLockedExitsTwoNamingTheHolder() throws IOException {
        try (DataRootLock ingest = DataRootLock.acquire(new DataRoot(data.toUri()), new Configuration(),
                "ingest --date " + DAY_1, Duration.ZERO, Duration.ofMinutes(10))) {
            Result erase = run("erase", "--device-id", "dev-0001", "--dry-run");
            assertThat(erase.code()).isEqualTo(ExitCodes.BAD_USAGE);
            assertThat(erase.err()).contains("locked by 'ingest --date " + DAY_1 + "'").contains("--wait");
            Result run = run("run", "--date", DAY_1.plusDays(2).toString());
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_USAGE);
        }
        assertThat(run("erase", "--device-id", "dev-0001", "--dry-run").code()).isEqualTo(ExitCodes.DONE);
    }

    /** What one command printed, and its exit code. */
    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", CONFIG.toString(), "--data-root", data.toString(), "--demo"));
        CommandLineRun run = new CommandLineRun();
        int code = run.execute(all.toArray(String[]::new));
        return new Result(code, run.out(), run.err());
    }

    private JsonNode manifest(String output) throws IOException {
        return JSON.readTree(data.resolve(output).resolve("_manifest.json").toFile());
    }

    private JsonNode compliance() throws IOException {
        return JSON.readTree(data.resolve("reports/dt=" + DAY_1 + "/compliance.json").toFile());
    }

    private List<String> publishedFiles() throws IOException {
        Path published = data.resolve("published");
        try (Stream<Path> files = Files.walk(published)) {
            return files.filter(Files::isRegularFile).map(f -> published.relativize(f) + " " + f.toFile().length())
                    .sorted().toList();
        }
    }
}

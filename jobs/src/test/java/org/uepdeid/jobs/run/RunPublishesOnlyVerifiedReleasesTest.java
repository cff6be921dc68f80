package org.uepdeid.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.cli.UepDeid;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * {@code run} publishes a day only after verify passed: a passing run publishes every output with its verification
 * recorded; a second run of the published day does nothing; a replacement whose release fails a check exits 1,
 * publishes nothing and leaves the standing release in place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPublishesOnlyVerifiedReleasesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = new JsonMapper();

    private Path data;
    private Path passing;
    private Path failing;

    @BeforeAll
    void generateADay(@TempDir Path dir) throws IOException {
        Path generatorConfig = dir.resolve("generate.yaml");
        Files.writeString(generatorConfig, "generate:\n  ip_regions: " + REPO.resolve("jobs-config/ip-regions.csv")
                + "\n");
        data = dir.resolve("data");
        TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY, 1, 300, 5, 0.02,
                Optional.of(generatorConfig), Optional.empty())).writeLanding(SparkTestSession.get());
        passing = config(dir.resolve("passing.yaml"), "0.1");
        // Classes of 10 to 99 devices carry a risk above 0.01: anonymize succeeds, verify's records_at_risk fails.
        failing = config(dir.resolve("failing.yaml"), "0.01");
    }

    @Test
    void aFailedCheckPublishesNothingAndKeepsThePreviousRelease() throws IOException {
        assertThat(run(passing)).isEqualTo(ExitCodes.DONE);
        Path microdata = data.resolve("published/microdata/device_profiles/dt=" + DAY);
        JsonNode manifest = JSON.readTree(microdata.resolve("_manifest.json").toFile());
        assertThat(manifest.at("/verification/status").asText()).isEqualTo("passed");
        assertThat(manifest.at("/verification/report").asText()).isEqualTo("reports/dt=" + DAY + "/compliance.json");
        assertThat(manifest.at("/verification/checks")).isNotEmpty();
        JsonNode stats = JSON.readTree(data.resolve("published/stats/os_adoption/dt=" + DAY + "/_manifest.json")
                .toFile());
        assertThat(stats.at("/verification/status").asText()).isEqualTo("passed");
        assertThat(compliance().get("status").asText()).isEqualTo("passed");
        List<String> before = publishedFiles();

        assertThat(run(failing)).as("a published day stands: nothing runs").isEqualTo(ExitCodes.DONE);
        assertThat(publishedFiles()).isEqualTo(before);

        assertThat(run(failing, "--replace", "--reason", "stricter risk threshold"))
                .isEqualTo(ExitCodes.CHECKS_FAILED);

        assertThat(publishedFiles()).as("the previous release, untouched, and no temporary output").isEqualTo(before);
        assertThat(JSON.readTree(microdata.resolve("_manifest.json").toFile()).get("run_id"))
                .isEqualTo(manifest.get("run_id"));
        JsonNode report = compliance();
        assertThat(report.get("status").asText()).isEqualTo("failed");
        report.get("checks").forEach(c -> {
            if (c.get("name").asText().equals("records_at_risk")) {
                assertThat(c.get("passed").asBoolean()).isFalse();
            }
        });
    }

    private int run(Path config, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--date", DAY.toString(), "--config", config.toString(),
                "--data-root", data.toString(), "--demo"));
        args.addAll(List.of(more));
        return UepDeid.commandLine().execute(args.toArray(String[]::new));
    }

    private JsonNode compliance() throws IOException {
        return JSON.readTree(data.resolve("reports/dt=" + DAY + "/compliance.json").toFile());
    }

    /** Every file under published/ with its size, hidden checksums aside. */
    private List<String> publishedFiles() throws IOException {
        Path published = data.resolve("published");
        try (Stream<Path> files = Files.walk(published)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> published.relativize(f) + " " + f.toFile().length()).sorted().toList();
        }
    }

    /** The repository's config with its relative paths made absolute and the given risk threshold. */
    private static Path config(Path file, String riskThreshold) throws IOException {
        Path configs = REPO.resolve("jobs-config");
        String text = Files.readString(configs.resolve("pipeline.yaml"))
                .replace("ip_regions: ip-regions.csv", "ip_regions: " + configs.resolve("ip-regions.csv"))
                .replace("hierarchy: hierarchies/", "hierarchy: " + configs.resolve("hierarchies") + "/")
                .replace("risk_threshold: 0.1", "risk_threshold: " + riskThreshold);
        Files.writeString(file, text);
        return file;
    }
}

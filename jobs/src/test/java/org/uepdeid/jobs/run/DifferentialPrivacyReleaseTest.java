package org.uepdeid.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.dp.BudgetCharge;
import org.uepdeid.jobs.aggregate.ExactCells;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.config.ProductNames;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.release.PrivacyLedger;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.testing.CommandLineRun;
import org.uepdeid.jobs.testing.RepoConfig;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * Days released under differential privacy through the command line: noisy cells for affiliates, charged to the
 * budget before publication; a replacement is another charged release with other noise; a budget that holds one
 * release per window refuses the next day; and verify catches noise removed, a charge missing from the ledger and a
 * declared noise ten times the real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DifferentialPrivacyReleaseTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 27);
    private static final Path REPO = RepoConfig.REPO;
    private static final JsonMapper JSON = new JsonMapper();
    private static final String LOGINS = "stats/login_patterns";
    private static final String SETTINGS = "stats/settings_popularity";
    private static final String OS_ADOPTION = "stats/os_adoption";
    private static final String KERNELS = "stats/kernel_versions";
    /** A large budget: noise of a few units, so that verify's test of its spread has cells well clear of zero. */
    private static final String GENEROUS = """
              privacy:
                mechanism: discrete-gaussian
                period_days: 30
                budget: {epsilon: 1500.0, delta: 1.0e-6}
            """;
    /** One release's share is the whole budget: a second day within the window cannot fit. */
    private static final String ONE_RELEASE_PER_WINDOW = """
              privacy:
                mechanism: discrete-laplace
                period_days: 30
                budget: {epsilon: 2.0, delta: 1.0e-9}
                per_release: {epsilon: 2.0, delta: 1.0e-9}
            """;

    private Path dir;
    private Path data;
    private Path tight;
    private Path generous;

    @BeforeAll
    void generateTwoDays(@TempDir Path dir) throws IOException {
        this.dir = dir;
        Path generatorConfig = dir.resolve("generate.yaml");
        Files.writeString(generatorConfig, "generate:\n  ip_regions: " + REPO.resolve("jobs-config/ip-regions.csv")
                + "\n");
        data = dir.resolve("data");
        TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY_1, 2, 400, 3, 0.0,
                Optional.of(generatorConfig), Optional.empty())).writeLanding(SparkTestSession.get());
        tight = config("one-release.yaml", ONE_RELEASE_PER_WINDOW);
        generous = config("generous.yaml", GENEROUS);
    }

    @Test
    @Order(1)
    void aBudgetThatHoldsOneReleasePerWindowRefusesTheNextDayAndPublishesNothingOfIt() throws IOException {
        assertThat(run(tight, "run", "--date", DAY_1.toString()).code()).isEqualTo(ExitCodes.DONE);

        Result second = run(tight, "run", "--date", DAY_1.plusDays(1).toString());

        assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(second.err()).contains("over the budget").contains("fits again from " + DAY_1.plusDays(30));
        for (String zone : List.of("staging", "published", "reports")) {
            try (Stream<Path> files = Files.walk(data.resolve(zone))) {
                assertThat(files.map(Path::toString).filter(p -> p.contains("dt=" + DAY_1.plusDays(1))))
                        .as("refused before anything ran").isEmpty();
            }
        }
        assertThat(charges()).extracting(BudgetCharge::date).containsOnly(DAY_1);
    }

    @Test
    @Order(2)
    void aReplacementIsAnotherReleaseNoisyForAffiliatesChargedBeforehand() throws IOException {
        List<Row> before = cells(LOGINS).collectAsList();

        Result replace = run(generous, "run", "--date", DAY_1.toString(), "--replace", "--reason", "re-run");

        assertThat(replace.code()).as(replace.err()).isEqualTo(ExitCodes.DONE);
        assertThat(cells(LOGINS).collectAsList()).isNotEqualTo(before);
        assertThat(cells(LOGINS).count()).as("every weekday × hour, zeros included").isEqualTo(7 * 24);
        assertThat(charges()).extracting(BudgetCharge::releaseId).containsOnly(DAY_1 + "-r1", DAY_1 + "-r2")
                .hasSize(2 * ProductNames.PRODUCTS.size());
        assertThat(new ReleaseLog(new DataRoot(data.toUri()), new Configuration()).history(DAY_1)).hasSize(2);
        assertThat(data.resolve("published/_retractions/" + DAY_1 + "-r1.json")).as("the first release withdrawn")
                .isRegularFile();
        JsonNode manifest = manifest(LOGINS);
        assertThat(manifest.path("audience").asText()).isEqualTo("affiliates");
        JsonNode dp = manifest.path("privacy").path("differential_privacy");
        assertThat(dp.path("mechanism").asText()).isEqualTo("discrete-gaussian");
        assertThat(dp.path("accounting").asText()).isEqualTo("zcdp");
        assertThat(dp.path("release_id").asText()).isEqualTo(DAY_1 + "-r2");
        assertThat(dp.path("partition_selection").path("kind").asText()).isEqualTo("public");
        assertThat(dp.path("noise_stddev").path("devices").asDouble()).isPositive();
        JsonNode settingsSelection = manifest(SETTINGS).path("privacy").path("differential_privacy")
                .path("partition_selection");
        assertThat(settingsSelection.path("kind").asText()).as("the vocabulary's cells public, the rest selected")
                .isEqualTo("mixed");
        assertThat(cells(SETTINGS).count()).isGreaterThanOrEqualTo(settingsSelection.path("public_cells").asLong());
        JsonNode kernels = manifest(KERNELS).path("privacy").path("differential_privacy").path("partition_selection");
        assertThat(kernels.path("kind").asText()).isEqualTo("public");
        assertThat(kernels.path("public_cells").asLong()).as("16 kernels, other and *").isEqualTo(18);
        assertThat(kernels.has("delta")).as("a closed domain spends no δ on selection").isFalse();
        assertThat(cells(KERNELS).count()).isEqualTo(18);
        JsonNode noise = check("dp_noise", SETTINGS);
        assertThat(noise.path("passed").asBoolean()).as(noise.toString()).isTrue();
        assertThat(noise.path("measured").asLong()).as("cells the noise test used").isGreaterThanOrEqualTo(30);
        for (String product : List.of("os_adoption", "hardware_landscape")) {
            JsonNode classes = manifest("stats/" + product).path("privacy").path("differential_privacy")
                    .path("partition_selection");
            assertThat(classes.path("kind").asText()).as(product + ": every label of the day's levels")
                    .isEqualTo("public");
            assertThat(cells("stats/" + product).count()).as(product + " cells, zeros included")
                    .isEqualTo(classes.path("public_cells").asLong()).isGreaterThan(1);
        }
        for (String product : List.of("os_adoption", "hardware_landscape", "boards_and_bios", "storage_layout",
                "network_cards", "kernel_versions", "update_recency")) {
            assertThat(cells("stats/" + product).count()).as(product + " cells").isPositive();
            assertThat(check("dp_declarations", "stats/" + product).path("passed").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(6)
    void verifyFailsAClosedProductThatWithholdsOneOfItsPublicCells() throws IOException {
        Dataset<Row> withheld = cells(KERNELS).filter("kernel <> '4.19.0-amd64-desktop'");

        withCells(KERNELS, withheld, () -> {
            Result verify = verifyFolder(KERNELS);
            assertThat(verify.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            JsonNode declarations = check(folderReport(KERNELS), "dp_declarations", KERNELS);
            assertThat(declarations.path("passed").asBoolean()).isFalse();
            assertThat(declarations.path("detail").asText())
                    .contains("1 of the domain's 18 public cells are not published, e.g. (kernel=4.19.0-amd64-desktop)");
        });
    }

    @Test
    @Order(7)
    void theReportShowsTheBudgetSpentEveryProductAndEachTopCellsInterval() throws IOException {
        Result report = run(generous, "report", "--date", DAY_1.toString());

        assertThat(report.code()).as(report.err()).isEqualTo(ExitCodes.DONE);
        String html = Files.readString(data.resolve("reports/dt=" + DAY_1 + "/report.html"));
        assertThat(html).contains("Privacy budget spent in the window ending each day")
                .contains("devices (95 % interval)").contains("Differentially private (discrete-gaussian")
                .contains("boards_and_bios").contains("update_recency");
    }

    @Test
    @Order(3)
    void verifyFailsCellsWhoseNoiseWasRemoved() throws IOException {
        PipelineConfig loaded = new PipelineConfigReader().read(generous).withDataRoot(data.toUri());
        Dataset<Row> exact = ExactCells.ofDay(SparkTestSession.get(), loaded, DAY_1).of(SparkTestSession.get(), DAY_1,
                "settings_popularity", loaded.aggregates().privacy().maxCellsPerDevice("settings_popularity"))
                .orElseThrow();
        Dataset<Row> denoised = cells(SETTINGS).drop("devices")
                .join(exact, new String[] {"setting", "value"}, "left").na().fill(0L)
                .select("setting", "value", "devices");

        withCells(SETTINGS, denoised, () -> {
            Result verify = verifyFolder(SETTINGS);
            assertThat(verify.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            JsonNode noise = check(folderReport(SETTINGS), "dp_noise", SETTINGS);
            assertThat(noise.path("passed").asBoolean()).isFalse();
            assertThat(noise.path("detail").asText()).contains("no noise was added");
        });
    }

    @Test
    @Order(4)
    void verifyFailsADeclaredNoiseTenTimesTheRealOne() throws IOException {
        Path file = data.resolve("published/" + SETTINGS + "/dt=" + DAY_1 + "/_manifest.json");
        Path checksum = file.resolveSibling("._manifest.json.crc");
        byte[] original = Files.readAllBytes(file);
        byte[] originalChecksum = Files.readAllBytes(checksum);
        ObjectNode manifest = (ObjectNode) JSON.readTree(original);
        ObjectNode stddev = (ObjectNode) manifest.path("privacy").path("differential_privacy").path("noise_stddev");
        stddev.put("devices", stddev.get("devices").asDouble() * 10);
        try {
            Files.delete(checksum);
            Files.write(file, JSON.writeValueAsBytes(manifest));
            Result verify = verifyFolder(SETTINGS);

            assertThat(verify.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            assertThat(check(folderReport(SETTINGS), "dp_noise", SETTINGS).path("detail").asText())
                    .contains("NOT at the declared scale");
            assertThat(check(folderReport(SETTINGS), "dp_declarations", SETTINGS).path("detail").asText())
                    .contains("noise_stddev.devices");
        } finally {
            Files.write(file, original);
            Files.write(checksum, originalChecksum);
        }
    }

    @Test
    @Order(5)
    void verifyFailsAReleaseWhoseChargeIsMissingFromTheLedger() throws IOException {
        Path ledger = data.resolve("ledger/privacy_budget");
        Path aside = dir.resolve("ledger-aside");
        Files.move(ledger, aside);
        try {
            Result verify = verifyFolder(LOGINS);

            assertThat(verify.code()).isEqualTo(ExitCodes.CHECKS_FAILED);
            JsonNode budget = check(folderReport(LOGINS), "privacy_budget", LOGINS);
            assertThat(budget.path("passed").asBoolean()).isFalse();
            assertThat(budget.path("detail").asText()).contains("holds no charge of release " + DAY_1 + "-r2");
        } finally {
            Files.move(aside, ledger);
        }
        Result again = run(generous, "verify", "--date", DAY_1.toString());
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCodes.DONE);
    }

    @Test
    @Order(8)
    void onceRetentionRemovedTheClassesVerifyStillRederivesTheirDomainFromThePublishedMicrodata() throws IOException {
        Path classes = data.resolve("staging/classes/dt=" + DAY_1);
        Path aside = dir.resolve("classes-aside");
        Files.move(classes, aside);
        try {
            verifyFolder(OS_ADOPTION);

            JsonNode declarations = check(folderReport(OS_ADOPTION), "dp_declarations", OS_ADOPTION);
            assertThat(declarations.path("passed").asBoolean()).as(declarations.toString()).isTrue();
            assertThat(declarations.path("detail").asText()).as("the selection re-derived, not skipped")
                    .doesNotContain("not re-derived");
            assertThat(check(folderReport(OS_ADOPTION), "dp_noise", OS_ADOPTION).path("detail").asText())
                    .as("without staging the noise cannot be re-measured").contains("staging input is gone");
        } finally {
            Files.move(aside, classes);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Runs {@code action} with the published cells of {@code target} replaced by {@code cells}, then restores them. */
    private void withCells(String target, Dataset<Row> cells, IoAction action) throws IOException {
        Path folder = data.resolve("published/" + target + "/dt=" + DAY_1);
        Path aside = dir.resolve("aside-" + target.replace('/', '-'));
        List<Row> rows = cells.collectAsList();
        copy(folder, aside);
        SparkSession spark = SparkTestSession.get();
        try (Stream<Path> parquet = Files.list(folder)) {
            for (Path file : parquet.filter(p -> !p.getFileName().toString().equals("_manifest.json")).toList()) {
                Files.delete(file);
            }
        }
        Path written = dir.resolve("rewritten-" + target.replace('/', '-'));
        spark.createDataFrame(rows, cells.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(written.toString());
        try (Stream<Path> files = Files.list(written)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        try {
            action.run();
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            try (Stream<Path> files = Files.list(aside)) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private Path config(String name, String privacy) {
        return RepoConfig.withPrivacy(dir.resolve(name), privacy);
    }

    private JsonNode manifest(String target) throws IOException {
        return JSON.readTree(data.resolve("published/" + target + "/dt=" + DAY_1 + "/_manifest.json").toFile());
    }

    /** The published cells, in their file's order. */
    private Dataset<Row> cells(String target) {
        return SparkTestSession.get().read().parquet(data.resolve("published/" + target + "/dt=" + DAY_1).toString());
    }

    private List<BudgetCharge> charges() throws IOException {
        return new PrivacyLedger(new DataRoot(data.toUri()), new Configuration()).charges();
    }

    /**
     * Verifies one published folder alone ({@code verify PATH}): each check measures one output, so its results are
     * those a verify of the day gives it, without recomputing every other product's exact cells.
     */
    private Result verifyFolder(String target) {
        return run(generous, "verify", data.resolve("published/" + target + "/dt=" + DAY_1).toString());
    }

    /** The report of {@link #verifyFolder}. */
    private Path folderReport(String target) {
        return data.resolve("reports/dt=" + DAY_1 + "/compliance-" + target.replace('/', '.') + ".json");
    }

    /** A check of the day's report. */
    private JsonNode check(String name, String target) throws IOException {
        return check(data.resolve("reports/dt=" + DAY_1 + "/compliance.json"), name, target);
    }

    private JsonNode check(Path reportFile, String name, String target) throws IOException {
        JsonNode report = JSON.readTree(reportFile.toFile());
        for (JsonNode check : report.path("checks")) {
            if (check.path("name").asText().equals(name) && check.path("target").asText().equals(target)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " of " + target + " in " + report);
    }

    /** What one command printed, and its exit code. */
    private record Result(int code, String out, String err) {
    }

    private Result run(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data-root", data.toString()));
        if (args[0].equals("run")) {
            all.add("--demo");
        }
        CommandLineRun run = new CommandLineRun();
        int code = run.execute(all.toArray(String[]::new));
        return new Result(code, run.out(), run.err());
    }
}

package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.anonymizer.dp.Accounting;
import org.uepdeid.anonymizer.dp.EpsilonDelta;
import org.uepdeid.anonymizer.dp.Mechanism;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.PrivacySection;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.config.VocabulariesSection;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** The contribution bounds the aggregate job reads from the config's {@code aggregates} section. */
class AggregatesConfigTest {

    private static final String POLICY = TelemetryFixtures.ANONYMIZATION;

    @TempDir
    Path dir;

    @Test
    void theRepositoryConfigStatesTheDefaultBoundsAndTheDefaultMechanism() {
        PipelineConfig config = new PipelineConfigReader().read(Path.of("..", "jobs-config", "pipeline.yaml"));
        AggregatesSection aggregates = config.aggregates();

        assertThat(new AggregatesSection(aggregates.maxSessionsPerDevice(), aggregates.maxMinutesPerDevice(),
                aggregates.maxLoginsPerDevice(), aggregates.maxDownloadsPerDevice()))
                .isEqualTo(AggregatesSection.DEFAULTS);
        assertThat(aggregates.privacy().mechanism()).contains(Mechanism.DISCRETE_GAUSSIAN);
        assertThat(aggregates.privacy().maxCellsPerDevice()).isEqualTo(PrivacySection.DEFAULT_MAX_CELLS);
        PrivacyBudget budget = aggregates.privacy().budget().orElseThrow();
        assertThat(budget.periodDays()).isEqualTo(PrivacySection.DEFAULT_PERIOD_DAYS);
        assertThat(budget.total()).isEqualTo(new EpsilonDelta(10.0, 1.0e-7));
        assertThat(budget.perRelease()).isEmpty();
    }

    @Test
    void aProductsDeviceCountTakesMostOfItsShareAndItsMeasuresTogetherSpendNoMoreThanIt() {
        AggregatesSection aggregates =
                new PipelineConfigReader().read(Path.of("..", "jobs-config", "pipeline.yaml")).aggregates();
        ProductPrivacy apps = ProductPrivacy.of(aggregates, "app_usage");
        double share = apps.share().loss().value();
        double devicesRho = apps.measures().get("devices").noise()
                .loss(apps.measures().get("devices").sensitivity()).value();

        // Two sums besides the count: the count gets 9 / 11 of the share, not an even third.
        assertThat(devicesRho / share).isCloseTo(9.0 / 11, within(1e-5));
        assertThat(apps.spent().value()).isLessThanOrEqualTo(share * (1 + 1e-12));
        // What the accuracy goal needs at 100,000 devices (README "Benchmarks"): σ about 22, not 45 as before.
        assertThat(apps.measures().get("devices").noise().standardDeviation()).isLessThan(25);
    }

    @Test
    void withoutAPrivacySectionOrWithMechanismNoneTheStatisticsAreExact() throws IOException {
        assertThat(read(POLICY).aggregates().privacy().differentiallyPrivate()).isFalse();
        assertThat(read("aggregates: {privacy: {mechanism: none}}\n" + POLICY).aggregates().privacy()
                .differentiallyPrivate()).isFalse();
    }

    @Test
    void aPrivacySectionReadsEveryKey() throws IOException {
        PrivacySection privacy = read("""
                aggregates:
                  privacy:
                    mechanism: discrete-laplace
                    period_days: 7
                    budget: {epsilon: 3.5, delta: 1.0e-6}
                    per_release: {epsilon: 0.5, delta: 1.0e-7}
                    weights: {app_usage: 3}
                    max_cells_per_device: {app_usage: 2}
                """ + POLICY).aggregates().privacy();

        assertThat(privacy.mechanism()).contains(Mechanism.DISCRETE_LAPLACE);
        PrivacyBudget budget = privacy.budget().orElseThrow();
        assertThat(budget.accounting()).isEqualTo(Accounting.PURE);
        assertThat(budget.periodDays()).isEqualTo(7);
        assertThat(budget.total()).isEqualTo(new EpsilonDelta(3.5, 1.0e-6));
        assertThat(budget.perRelease()).contains(new EpsilonDelta(0.5, 1.0e-7));
        assertThat(privacy.weights().weights()).isEqualTo(Map.of("app_usage", 3.0));
        assertThat(privacy.maxCellsPerDevice("app_usage")).isEqualTo(2);
        assertThat(privacy.maxCellsPerDevice("login_patterns"))
                .isEqualTo(PrivacySection.DEFAULT_MAX_CELLS.get("login_patterns"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {mechanism: gaussian, budget: {epsilon: 1, delta: 1.0e-7}}   | aggregates.privacy.mechanism: must be one of discrete-gaussian, discrete-laplace, none, got "gaussian"
            {period_days: 0, budget: {epsilon: 1, delta: 1.0e-7}}        | aggregates.privacy.period_days: must be at least 1, got 0
            {period_days: 30}                                            | aggregates.privacy.budget: is required
            {budget: {epsilon: 0, delta: 1.0e-7}}                        | aggregates.privacy.budget.epsilon: must be positive, got 0
            {budget: {epsilon: 1}}                                       | aggregates.privacy.budget.delta: is required
            {budget: {epsilon: 1, delta: 1.5}}                           | aggregates.privacy.budget.delta: must be in (0, 1), got 1.5
            {budget: {epsilon: 1, delta: 1.0e-7}, per_release: {epsilon: 2, delta: 1.0e-8}} | aggregates.privacy.per_release: privacy budget: per_release epsilon 2.0 must be positive and at most the budget's 1.0
            {budget: {epsilon: 1, delta: 1.0e-7}, weights: {apps: 2}}    | aggregates.privacy.weights.apps: unknown key
            {budget: {epsilon: 1, delta: 1.0e-7}, weights: {app_usage: -1}} | aggregates.privacy.weights.app_usage: must be positive, got -1
            {budget: {epsilon: 1, delta: 1.0e-7}, max_cells_per_device: {app_usage: 0}} | aggregates.privacy.max_cells_per_device.app_usage: must be at least 1, got 0
            {budget: {epsilon: 1, delta: 1.0e-7}, epsilon: 1}            | aggregates.privacy.epsilon: unknown key
            """)
    void badPrivacySettingsNameTheKeyAndTheValue(String privacy, String expected) throws IOException {
        assertRejected("aggregates: {privacy: " + privacy + "}\n", expected);
    }

    @Test
    void anAbsentSectionOrKeyTakesTheDefault() throws IOException {
        assertThat(read(POLICY).aggregates()).isEqualTo(AggregatesSection.DEFAULTS);
        assertThat(read("aggregates: {max_logins_per_device: 7}\n" + POLICY).aggregates())
                .isEqualTo(new AggregatesSection(AggregatesSection.DEFAULTS.maxSessionsPerDevice(),
                        AggregatesSection.DEFAULTS.maxMinutesPerDevice(), 7,
                        AggregatesSection.DEFAULTS.maxDownloadsPerDevice()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aggregates: {max_minutes_per_device: 0}  | aggregates.max_minutes_per_device: must be at least 1, got 0
            aggregates: {max_logins_per_device: a}   | aggregates.max_logins_per_device: must be a whole number, got "a"
            aggregates: {max_session_per_device: 5}  | aggregates.max_session_per_device: unknown key
            aggregates: [20, 480]                    | aggregates: must be a mapping
            """)
    void badBoundsNameTheKeyAndTheValue(String line, String expected) throws IOException {
        assertRejected(line + "\n", expected);
    }

    /** The config of {@code aggregates} and the policy is refused, the message naming its file and {@code expected}. */
    private void assertRejected(String aggregates, String expected) throws IOException {
        Path file = write(aggregates + POLICY);

        assertThatThrownBy(() -> new PipelineConfigReader().read(file)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expected);
    }

    @Test
    void theRepositoryVocabulariesCloseTheHardwareProductsAndLeaveSettingsOutsideThemToSelection() {
        AggregatesSection aggregates =
                new PipelineConfigReader().read(Path.of("..", "jobs-config", "pipeline.yaml")).aggregates();
        Map<String, CellDomain> domains = new LinkedHashMap<>();
        StatsProducts.all(aggregates).forEach(p -> domains.put(p.name(), p.domain()));

        for (String closed : List.of("login_patterns", "download_sources", "boards_and_bios", "storage_layout",
                "network_cards", "kernel_versions", "update_recency")) {
            assertThat(domains.get(closed).kind()).as(closed).isEqualTo(CellDomain.Kind.PUBLIC);
            assertThat(ProductPrivacy.of(aggregates, closed).selectionDelta()).as(closed + " spends no δ").isZero();
        }
        assertThat(domains.get("settings_popularity").kind()).isEqualTo(CellDomain.Kind.MIXED);
        assertThat(ProductPrivacy.of(aggregates, "settings_popularity").selection()).isPresent();
        assertThat(domains.get("app_usage").kind()).isEqualTo(CellDomain.Kind.PRIVATE);
        // 16 kernels, other and *; 5 file systems and other as subsets (63) and *, times 12 counts, other and *.
        assertThat(domains.get("kernel_versions").publicCells()).hasSize(18)
                .contains(List.of("5.10.0-amd64-desktop"), List.of("other"), List.of("*"));
        assertThat(domains.get("storage_layout").publicCells()).hasSize(64 * 14)
                .contains(List.of("6", "ext4,swap,vfat"), List.of("other", "*"));
        assertThat(domains.get("settings_popularity").publicCells())
                .contains(List.of("dock.size", "40"), List.of("theme", "*")).doesNotContain(List.of("dock.size", "*"));
    }

    @Test
    void aVocabularyReadsListsRangesAndSettingsAsText() throws IOException {
        VocabulariesSection vocabularies = read("""
                aggregates:
                  vocabularies:
                    kernel: [6.6.0, "5.10"]
                    bios_year: {from: 2020, to: 2022}
                    settings: {mouse.speed: [1, 2], mouse.natural_scroll: [true]}
                """ + POLICY).aggregates().vocabularies();

        assertThat(vocabularies.of("kernel")).contains(List.of("6.6.0", "5.10"));
        assertThat(vocabularies.of("bios_year")).contains(List.of("2020", "2021", "2022"));
        assertThat(vocabularies.of("os_version")).isEmpty();
        assertThat(vocabularies.settings()).isEqualTo(Map.of("mouse.speed", List.of("1", "2"),
                "mouse.natural_scroll", List.of("true")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {kernel: [a, other]}                 | aggregates.vocabularies.kernel[1]: must be non-blank and not the reserved label "other" or "*", got "other"
            {kernel: [a, a]}                     | aggregates.vocabularies.kernel[1]: repeats "a"
            {file_system: [ext4, "a,b"]}         | aggregates.vocabularies.file_system[1]: must not hold a comma
            {kernel: []}                         | aggregates.vocabularies.kernel: must name at least one value
            {kernel: [[a]]}                      | aggregates.vocabularies.kernel[0]: must be a single value
            {bios_year: {from: 2020, to: 2019}}  | aggregates.vocabularies.bios_year.to: must be at least from (2020), got 2019
            {bios_year: {from: 1, to: 5000}}     | aggregates.vocabularies.bios_year: names 5000 values; at most 1000
            {nic_vendor: [a, b, c, d, e, f, g, h, i, j, k, l]} | aggregates.vocabularies.nic_vendor: names 12 values; at most 11
            {kernels: [a]}                       | aggregates.vocabularies.kernels: unknown key
            {settings: {theme: dark}}            | aggregates.vocabularies.settings.theme: must be a list
            """)
    void badVocabulariesNameTheKeyAndTheValue(String vocabularies, String expected) throws IOException {
        assertRejected("aggregates: {vocabularies: " + vocabularies + "}\n", expected);
    }

    @Test
    void vocabulariesWhoseProductWouldPublishTooManyCellsAreAConfigError() throws IOException {
        AggregatesSection aggregates = read("""
                aggregates:
                  vocabularies:
                    board_vendor: [a, b, c, d, e, f, g, h, i, j]
                    bios_vendor: [a, b, c, d, e, f, g, h, i, j]
                    bios_year: {from: 1900, to: 2100}
                """ + POLICY).aggregates();

        assertThatThrownBy(() -> StatsProducts.all(aggregates)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("product boards_and_bios would publish 29232 cells a day (12 × 12 × 203 values)")
                .hasMessageContaining("at most 20000");
    }

    private PipelineConfig read(String yaml) throws IOException {
        return new PipelineConfigReader().read(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    }
}

package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = write("aggregates: {privacy: " + privacy + "}\n" + POLICY);

        assertThatThrownBy(() -> new PipelineConfigReader().read(file)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expected);
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
        Path file = write(line + "\n" + POLICY);

        assertThatThrownBy(() -> new PipelineConfigReader().read(file)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(expected);
    }

    private PipelineConfig read(String yaml) throws IOException {
        return new PipelineConfigReader().read(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    }
}

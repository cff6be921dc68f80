package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** The contribution bounds the aggregate job reads from the config's {@code aggregates} section. */
class AggregatesConfigTest {

    private static final String POLICY = TelemetryFixtures.ANONYMIZATION;

    @TempDir
    Path dir;

    @Test
    void theRepositoryConfigStatesTheDefaults() {
        PipelineConfig config = new PipelineConfigReader().read(Path.of("..", "jobs-config", "pipeline.yaml"));

        assertThat(config.aggregates()).isEqualTo(AggregatesSection.DEFAULTS);
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

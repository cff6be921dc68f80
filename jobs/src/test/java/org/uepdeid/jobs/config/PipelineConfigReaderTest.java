package org.uepdeid.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.jobs.testing.TelemetryFixtures;

class PipelineConfigReaderTest {

    private static final String POLICY = TelemetryFixtures.ANONYMIZATION;

    @TempDir
    Path dir;

    private final PipelineConfigReader reader = new PipelineConfigReader();

    @Test
    void readsTheRepositoryConfig() {
        PipelineConfig config = reader.read(Path.of("..", "jobs-config", "pipeline.yaml"));

        assertThat(config.childrenUpToAge()).isEqualTo(14);
        assertThat(config.consent().acceptedVersions()).containsExactly(ConsentSection.CURRENT_POLICY_VERSION);
        assertThat(config.minDevices()).isEqualTo(10);
        assertThat(config.ipRegions().getPath()).endsWith("/jobs-config/ip-regions.csv");
        assertThat(config.dataRoot().getPath()).matches(".*/demo-data/?");
        assertThat(config.anonymization().policy().models().stream().<PrivacyModel>map(m -> m.build()))
                .containsExactly(new KAnonymity(10));
        assertThat(config.anonymization().policy().riskThreshold()).isEqualTo(0.1);
        assertThat(config.source().sha256()).hasSize(64);
    }

    @Test
    void appliesDefaultsAndResolvesPathsAgainstTheConfigDirectory() throws IOException {
        PipelineConfig config = reader.read(write(POLICY));

        assertThat(config.dataRoot()).isEqualTo(dir.resolve("demo-data").toUri());
        assertThat(config.ipRegions()).isEqualTo(dir.resolve("ip-regions.csv").toUri());
        assertThat(config.childrenUpToAge()).isEqualTo(PipelineConfig.DEFAULT_CHILDREN_UP_TO_AGE);
        assertThat(config.consent()).isEqualTo(ConsentSection.DEFAULTS);
        assertThat(config.minDevices()).isEqualTo(PipelineConfig.DEFAULT_MIN_DEVICES);
        assertThat(config.anonymization().policy().suppressionLimit()).isEqualTo(0.02);
    }

    @Test
    void keepsHadoopUrisAsWritten() throws IOException {
        PipelineConfig config = reader.read(write("data_root: hdfs://namenode:8020/uep\n" + POLICY));

        assertThat(config.dataRoot().toString()).isEqualTo("hdfs://namenode:8020/uep");
    }

    @Test
    void theHashCoversTheFileBytes() throws IOException {
        String first = reader.read(write(POLICY)).source().sha256();
        String second = reader.read(write("min_devices: 11\n" + POLICY)).source().sha256();

        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            min_devices: 0           | min_devices: must be at least 2, got 0
            min_devices: ten         | min_devices: must be a whole number, got "ten"
            min_devices: 10.5        | min_devices: must be a whole number, got 10.5
            children_up_to_age: -1   | children_up_to_age: must be between 0 and 120, got -1
            children_up_to_age: 2010 | children_up_to_age: must be between 0 and 120, got 2010
            minimum_age: 14          | minimum_age: is replaced by children_up_to_age
            consent: {accepted_versions: []}   | consent.accepted_versions: must list non-blank privacy-policy versions
            consent: {accepted: [2020-03-23]}  | consent.accepted: unknown key
            data_root: [a, b]        | data_root: must be a non-blank path or URI, got a list
            ip_regions: 12           | ip_regions: must be a non-blank path or URI, got 12
            releases: {microdata_audience: everyone} | releases.microdata_audience: must be one of internal, affiliates, got "everyone"
            min_device: 10           | min_device: unknown key; known keys: aggregates, anonymization, children_up_to_age, consent, data_root
            """)
    void badValuesNameTheKeyAndTheValue(String line, String expected) throws IOException {
        Path file = write(line + "\n" + POLICY);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }

    @Test
    void readsTheAcceptedConsentVersions() throws IOException {
        PipelineConfig config = reader.read(write("consent:\n  accepted_versions: [\"2020-03-23\", \"2021-01-01\"]\n"
                + POLICY));

        assertThat(config.consent().accepts("2021-01-01")).isTrue();
        assertThat(config.consent().accepts("2019-08-01")).isFalse();
        assertThat(config.consent().accepts(null)).isFalse();
    }

    @Test
    void aMissingAnonymizationSectionIsNamed() throws IOException {
        Path file = write("min_devices: 10\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("anonymization: is required");
    }

    @Test
    void anAnonymizationSectionThatIsNotAMappingIsNamed() throws IOException {
        Path file = write("anonymization: [k, 10]\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UserInputException.class)
                .hasMessage(file + ": anonymization: must be a mapping of keys to values, got a list");
    }

    @Test
    void aHierarchyPathResolvesAgainstTheConfigsFolderAndIsReadWhenTheConfigLoads() throws IOException {
        Files.createDirectories(dir.resolve("hierarchies"));
        Files.writeString(dir.resolve("hierarchies/cpu.csv"), "i5;Intel;*\n");
        PipelineConfig config = reader.read(write("""
                anonymization:
                  quasi_identifiers: [{name: cpu_family, hierarchy: hierarchies/cpu.csv}]
                  privacy_models: [{type: k-anonymity, k: 10}]
                  metric: {type: loss}
                """));

        assertThat(config.anonymization().policy().hierarchySpec("cpu_family"))
                .isEqualTo(new HierarchySpec.CsvFile(dir.resolve("hierarchies/cpu.csv")));
        Files.delete(dir.resolve("hierarchies/cpu.csv"));
        assertThatThrownBy(() -> reader.read(dir.resolve("pipeline.yaml"))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("anonymization.quasi_identifiers[0].hierarchy")
                .hasMessageContaining("hierarchies/cpu.csv");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() throws IOException {
        Path file = write("min_devices: 10\nanonymization: {k: [\n");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is not valid YAML").hasMessageContaining("line");
    }

    @Test
    void aRepeatedKeyIsRefused() throws IOException {
        Path file = write("min_devices: 10\nmin_devices: 2\n" + POLICY);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("min_devices");
    }

    @Test
    void aKeyInTheConfigIsRefusedWithoutEchoingIt() throws IOException {
        Path file = write("pseudonym_key: s3cr3t-value-that-must-not-be-echoed\n" + POLICY);

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("pseudonym_key: the pseudonym key must never be in the config file")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void theDataRootOptionOverridesTheConfigButNotItsHash() throws IOException {
        PipelineConfig config = reader.read(write(POLICY));

        PipelineConfig moved = config.withDataRoot(PipelineConfigReader.resolveLocation("other", dir));

        assertThat(moved.dataRoot()).isEqualTo(dir.resolve("other").toUri());
        assertThat(moved.source()).isEqualTo(config.source());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

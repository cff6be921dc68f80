package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.UserInputException;

/** The generate: section of a YAML config, with defaults and errors that name file, key and value. */
class GeneratorConfigTest {

    @TempDir
    Path folder;

    @Test
    void otherJobsSectionsAloneGiveTheDefaults() throws IOException {
        Path file = Files.writeString(folder.resolve("c.yaml"), "ingest:\n  reasons: [a, b]\n");
        assertThat(GeneratorConfig.read(file)).isEqualTo(GeneratorConfig.DEFAULT);
    }

    @Test
    void readsSettingsAndResolvesTheTableAgainstTheConfigFolder() throws IOException {
        Path file = Files.writeString(folder.resolve("c.yaml"),
                "generate:\n  ip_regions: tables/ip.csv\n  minor_share: 0.05\n  devices_per_file: 500\n");
        GeneratorConfig config = GeneratorConfig.read(file);
        assertThat(config.ipRegions()).isEqualTo(folder.toAbsolutePath().resolve("tables/ip.csv"));
        assertThat(config.shares().minor()).isEqualTo(0.05);
        assertThat(config.shares().duplicate()).isEqualTo(Shares.DEFAULT.duplicate());
        assertThat(config.devicesPerFile()).isEqualTo(500);
    }

    @Test
    void unknownKeysAreNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("c.yaml"), "generate:\n  minors_share: 0.05\n");
        assertThatThrownBy(() -> GeneratorConfig.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("generate.minors_share");
    }

    @Test
    void outOfRangeSharesAreNamedWithTheirValue() throws IOException {
        Path file = Files.writeString(folder.resolve("c.yaml"), "generate:\n  duplicate_share: 1.5\n");
        assertThatThrownBy(() -> GeneratorConfig.read(file))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("duplicate_share")
                .hasMessageContaining("1.5");
    }

    @Test
    void wrongTypesAreNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("c.yaml"), "generate:\n  devices_per_file: many\n");
        assertThatThrownBy(() -> GeneratorConfig.read(file)).hasMessageContaining("devices_per_file")
                .hasMessageContaining("many");
    }
}

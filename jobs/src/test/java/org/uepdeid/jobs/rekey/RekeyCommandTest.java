package org.uepdeid.jobs.rekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.testing.CommandRun;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** What the operator can get wrong about the keys: exit 2 before anything is read, one line saying what to do. */
class RekeyCommandTest {

    private static final String NEW_KEY = "0f".repeat(32);

    @TempDir
    Path dir;

    private Path config;
    private Path oldKey;
    private Path newKey;

    @BeforeEach
    void writeConfigAndKeys() throws IOException {
        config = Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\n" + TelemetryFixtures.ANONYMIZATION);
        oldKey = Files.writeString(dir.resolve("old.key"), TelemetryFixtures.KEY_HEX + "\n");
        newKey = Files.writeString(dir.resolve("new.key"), NEW_KEY + "\n");
    }

    @Test
    void aShortNewKeyIsRefusedWithHowToMakeOne() throws IOException {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "0f".repeat(31) + "\n");

        CommandRun run = run("--old-key-file", oldKey.toString(), "--new-key-file", shortKey.toString(),
                "--new-key-id", "k2");

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("--new-key-file " + shortKey, "openssl rand -hex 32")
                .doesNotContain("0f".repeat(31));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aMissingOldKeyFileIsNamedByItsOption() {
        Path missing = dir.resolve("no.key");

        CommandRun run = run("--old-key-file", missing.toString(), "--new-key-file", newKey.toString(),
                "--new-key-id", "k2");

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("--old-key-file: " + missing + " does not exist");
    }

    @Test
    void theSameKeyTwiceIsRefused() throws IOException {
        Path copy = Files.writeString(dir.resolve("copy.key"), TelemetryFixtures.KEY_HEX.toUpperCase());

        CommandRun run = run("--old-key-file", oldKey.toString(), "--new-key-file", copy.toString(),
                "--new-key-id", "k2");

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("hold the same key").doesNotContain(TelemetryFixtures.KEY_HEX);
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aNewKeyUnderTheOldKeysIdIsRefused() {
        // UEP_DEID_KEY_ID is not set in tests: the old key's id is "default", the new one's too without --new-key-id.
        CommandRun run = run("--old-key-file", oldKey.toString(), "--new-key-file", newKey.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("--new-key-id", "\"default\"");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private CommandRun run(String... args) {
        return CommandRun.of("rekey", Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
                .toArray(String[]::new));
    }
}

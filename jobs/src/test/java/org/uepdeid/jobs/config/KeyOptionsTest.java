package org.uepdeid.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeyOptionsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @TempDir
    Path dir;

    @Test
    void withoutAnyKeyTheRunIsRefusedWithAdvice() {
        assertThatThrownBy(() -> parse().resolve(NO_ENVIRONMENT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no pseudonym key")
                .hasMessageContaining(PseudonymKey.ENVIRONMENT_VARIABLE)
                .hasMessageContaining("--key-file");
    }

    @Test
    void takesTheKeyFromTheEnvironment() {
        PseudonymKey key = parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, SECRET)::get);

        assertThat(key.origin()).isEqualTo(PseudonymKey.Origin.ENVIRONMENT);
        assertThat(key.secret()).isEqualTo(SECRET.getBytes());
    }

    @Test
    void takesTheKeyFromAFileWithoutItsLineBreak() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), SECRET + "\n");

        PseudonymKey key = parse("--key-file", file.toString()).resolve(NO_ENVIRONMENT);

        assertThat(key.origin()).isEqualTo(PseudonymKey.Origin.KEY_FILE);
        assertThat(key.secret()).isEqualTo(SECRET.getBytes());
    }

    @Test
    void demoUsesTheFixedKey() {
        PseudonymKey key = parse("--demo").resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, SECRET)::get);

        assertThat(key.origin()).isEqualTo(PseudonymKey.Origin.DEMO);
        assertThat(key.fingerprint()).isEqualTo(PseudonymKey.demo().fingerprint());
    }

    @Test
    void aShortKeyIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, "hunter2")::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has 7 bytes; it needs at least 32")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = dir.resolve("missing-key");

        assertThatThrownBy(() -> parse("--key-file", missing.toString()).resolve(NO_ENVIRONMENT))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void theKeyNeverShowsInItsStringForm() {
        PseudonymKey key = PseudonymKey.fromEnvironment(SECRET);

        assertThat(key.toString()).doesNotContain(SECRET).contains(key.fingerprint());
        assertThat(key.fingerprint()).isNotEqualTo(PseudonymKey.demo().fingerprint()).hasSize(8);
    }

    private static KeyOptions parse(String... args) {
        KeyOptions options = new KeyOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}

package org.uepdeid.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class KeyOptionsTest {

    /** As {@code openssl rand -hex 32} prints one. */
    private static final String SECRET = "5f3a0c9e1b7d24680acebd1357924680fedcba9876543210a1b2c3d4e5f60718";
    private static final byte[] SECRET_BYTES = HexFormat.of().parseHex(SECRET);
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
        assertThat(key.secret()).isEqualTo(SECRET_BYTES);
    }

    @Test
    void takesTheKeyFromAFileWithoutItsLineBreak() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), SECRET + "\n");

        PseudonymKey key = parse("--key-file", file.toString()).resolve(NO_ENVIRONMENT);

        assertThat(key.origin()).isEqualTo(PseudonymKey.Origin.KEY_FILE);
        assertThat(key.secret()).isEqualTo(SECRET_BYTES);
    }

    @Test
    void demoUsesTheFixedKey() {
        PseudonymKey key = parse("--demo").resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, SECRET)::get);

        assertThat(key.origin()).isEqualTo(PseudonymKey.Origin.DEMO);
        assertThat(key.secret()).isEqualTo(PseudonymKey.demo().secret());
        assertThat(key.id()).isEqualTo("demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "0123456789abcdef0123456789abcdef-test-only",
            "5f3a0c9e1b7d24680acebd1357924680fedcba9876543210a1b2c3d4e5f6071", "c2hvcnQ=",
            "correct horse battery staple correct horse battery staple"})
    void aKeyThatIsNotHexOrBase64OfThirtyTwoBytesIsRefusedWithAdviceWithoutShowingIt(String bad) {
        assertThatThrownBy(() -> parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, bad)::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(PseudonymKey.ENVIRONMENT_VARIABLE)
                .hasMessageContaining("openssl rand -hex 32")
                .hasMessageNotContaining(bad);
    }

    @Test
    void base64OfThirtyTwoBytesIsAKeyToo() {
        String base64 = Base64.getEncoder().encodeToString(SECRET_BYTES);

        assertThat(parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, base64)::get).secret())
                .isEqualTo(SECRET_BYTES);
    }

    @Test
    void theKeyIdComesFromTheEnvironmentAndDefaults() {
        assertThat(parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, SECRET)::get).id())
                .isEqualTo(PseudonymKey.DEFAULT_ID);
        assertThat(parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, SECRET,
                PseudonymKey.ID_VARIABLE, "2026-q4")::get).id()).isEqualTo("2026-q4");
        assertThatThrownBy(() -> parse().resolve(Map.of(PseudonymKey.ENVIRONMENT_VARIABLE, SECRET,
                PseudonymKey.ID_VARIABLE, "a key/with slashes")::get))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PseudonymKey.ID_VARIABLE);
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

        assertThat(key.toString()).doesNotContain(SECRET).contains(PseudonymKey.DEFAULT_ID);
    }

    private static KeyOptions parse(String... args) {
        KeyOptions options = new KeyOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}

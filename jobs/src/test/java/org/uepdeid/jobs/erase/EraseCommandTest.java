package org.uepdeid.jobs.erase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ledger.DeviceRequest;
import org.uepdeid.jobs.testing.CommandRun;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** What the operator can get wrong: exit code 2 with one line that says what, without echoing a device id. */
class EraseCommandTest {

    private static final String RAW_ID = "dev-0042-install-id";
    private static final String GOOD_PSEUDONYM = "a".repeat(64);

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\n" + TelemetryFixtures.ANONYMIZATION);
    }

    @Test
    void withoutAnyDeviceItRefusesToRun() {
        CommandRun run = run("--demo");

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("--device-id", "--ids-file", "--pseudonym");
    }

    @Test
    void anIdsFileWithoutIdsIsNoRequest() throws IOException {
        Path ids = Files.writeString(dir.resolve("ids.txt"), "# nothing yet\n\n");

        CommandRun run = run("--demo", "--ids-file", ids.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("name the devices", ids.toString());
    }

    @Test
    void aMissingIdsFileIsNamed() {
        Path missing = dir.resolve("no-such-ids.txt");

        CommandRun run = run("--demo", "--ids-file", missing.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("--ids-file", missing.toString(), "does not exist");
    }

    @Test
    void aRawIdPassedAsAPseudonymIsRefusedByPositionWithoutEchoingIt() {
        CommandRun run = run("--pseudonym", GOOD_PSEUDONYM, "--pseudonym", RAW_ID);

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("the 2nd --pseudonym is not 64 lowercase hex characters")
                .doesNotContain(RAW_ID);
        assertThat(run.out()).doesNotContain(RAW_ID);
    }

    @Test
    void anUppercasePseudonymIsRefusedToo() {
        CommandRun run = run("--pseudonym", GOOD_PSEUDONYM.toUpperCase());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("the 1st --pseudonym").doesNotContain(GOOD_PSEUDONYM.toUpperCase());
    }

    @Test
    void aBlankDeviceIdIsRefused() {
        CommandRun run = run("--demo", "--device-id", RAW_ID, "--device-id", " ");

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(run.err()).contains("the 2nd --device-id is blank").doesNotContain(RAW_ID);
    }

    @Test
    void theIdsFileSkipsCommentsAndBlankLinesAndUsesTheIngestHmac() throws IOException {
        Path ids = dir.resolve("ids.txt");
        Files.write(ids, ("\uFEFF# erasure ticket 4711\r\n" + RAW_ID + "\r\n\r\n   \n  dev-0043-install-id \n")
                .getBytes(StandardCharsets.UTF_8));
        DevicePseudonymizer hmac = new DevicePseudonymizer(PseudonymKey.demo());

        DeviceRequest request = DeviceRequest.of(List.of(RAW_ID), ids, List.of(GOOD_PSEUDONYM), "erase");

        assertThat(request.pseudonyms(PseudonymKey::demo)).containsExactlyInAnyOrder(hmac.pseudonym(RAW_ID),
                hmac.pseudonym("dev-0043-install-id"), GOOD_PSEUDONYM);
        assertThat(request.toString()).doesNotContain(RAW_ID).contains("3 device id(s)");
    }

    @Test
    void aRequestByPseudonymsAloneNeedsNoKey() {
        DeviceRequest request = DeviceRequest.of(List.of(), null, List.of(GOOD_PSEUDONYM), "erase");

        assertThat(request.pseudonyms(() -> {
            throw new AssertionError("the key was asked for");
        })).containsExactly(GOOD_PSEUDONYM);
        assertThatThrownBy(() -> DeviceRequest.of(List.of(), null, List.of(), "erase"))
                .hasMessageContaining("name the devices");
    }

    @ParameterizedTest
    @CsvSource({"1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "22, 22nd",
            "101, 101st", "111, 111th"})
    void positionsAreWrittenAsOrdinals(int n, String expected) {
        assertThat(DeviceRequest.ordinal(n)).isEqualTo(expected);
    }

    private CommandRun run(String... args) {
        return CommandRun.of("erase", Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
                .toArray(String[]::new));
    }
}

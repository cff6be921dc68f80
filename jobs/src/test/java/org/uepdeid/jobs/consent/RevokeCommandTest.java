package org.uepdeid.jobs.consent;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.testing.CommandRun;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * A user withdraws consent at noon: their morning events stay, their afternoon events reach nothing, and the
 * accounting counts them as no_consent.
 */
class RevokeCommandTest {

    static final String DAY = TelemetryFixtures.DAY;
    static final int REVOKED = 1;
    static final int OTHER = 2;

    @TempDir
    static Path dir;

    static SparkSession spark;
    static Path config;
    static Path keyFile;
    static CommandRun revoke;
    static CommandRun ingest;
    static DataRoot root;

    @BeforeAll
    static void revokeThenIngest() throws IOException {
        spark = SparkTestSession.get();
        config = TelemetryFixtures.writeConfigFile(dir);
        keyFile = Files.writeString(dir.resolve("key"), "ab".repeat(32) + "\n");
        Path data = dir.resolve("data");
        root = new DataRoot(data.toUri());
        TelemetryFixtures.writeLanding(data, "a.jsonl", List.of(
                at(REVOKED, "09:30"), at(REVOKED, "15:00"), at(OTHER, "09:30"), at(OTHER, "15:00")));

        revoke = CommandRun.of("consent", "revoke", "--config", config.toString(), "--key-file", keyFile.toString(),
                "--device-id", deviceId(REVOKED), "--at", DAY + "T12:00:00+08:00");
        ingest = CommandRun.of("ingest", "--config", config.toString(), "--key-file", keyFile.toString(),
                "--date", DAY);
    }

    @Test
    void eventsAfterTheRevocationAreNoConsentAndEarlierOnesStay() throws IOException {
        assertThat(revoke.exit()).as(revoke.err()).isEqualTo(ExitCodes.DONE);
        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(ExitCodes.DONE);
        String revoked = new DevicePseudonymizer(PseudonymKey.fromFile(keyFile)).pseudonym(deviceId(REVOKED));

        assertThat(spark.read().parquet(root.stagingEvents(java.time.LocalDate.parse(DAY)).toString())
                .filter(col(StagingEvents.DEVICE_PSEUDONYM).equalTo(revoked)).select(StagingEvents.TS)
                .collectAsList()).hasSize(1);
        RunManifest manifest = new ManifestFile(spark.sparkContext().hadoopConfiguration())
                .read(root.stagingEvents(java.time.LocalDate.parse(DAY)));
        assertThat(manifest.accounting().accepted()).isEqualTo(3);
        assertThat(manifest.accounting().noConsent()).isEqualTo(1);
        assertThat(manifest.accounting().balanced()).isTrue();
    }

    @Test
    void theSummaryNamesNoDevice() {
        assertThat(revoke.out()).contains("1 device(s)", "ledger/consent", "no_consent")
                .doesNotContain(deviceId(REVOKED));
    }

    @Test
    void aBadTimeOrNoDeviceIsAUsageError() {
        CommandRun badTime = CommandRun.of("consent", "revoke", "--config", config.toString(), "--key-file",
                keyFile.toString(), "--device-id", deviceId(OTHER), "--at", "noon");
        CommandRun noDevice = CommandRun.of("consent", "revoke", "--config", config.toString(), "--key-file",
                keyFile.toString());

        assertThat(badTime.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(badTime.err()).contains("--at", "ISO-8601", "noon");
        assertThat(noDevice.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(noDevice.err()).contains("name the devices to revoke", "--device-id", "--ids-file");
    }

    private static byte[] at(int device, String time) {
        return TelemetryFixtures.utf8(line(login(deviceId(device)), e -> e.put("ts", DAY + "T" + time + ":00+08:00")));
    }
}

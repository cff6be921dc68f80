package org.uepdeid.jobs.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.appSession;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceProfile;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;
import static org.uepdeid.jobs.testing.TelemetryFixtures.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * Ingest then profile over three devices: one with two profiles, one with one, one with events but no profile. The
 * re-run test goes last because it replaces the outputs the others read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfileJobTest {

    static final LocalDate DAY = LocalDate.parse(TelemetryFixtures.DAY);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dataRoot;

    static SparkSession spark;
    static RunManifest manifest;
    static DataRoot root;

    @BeforeAll
    static void ingestAndProfile() throws IOException {
        spark = SparkTestSession.get();
        ObjectNode morning = deviceProfile(deviceId(1));
        ObjectNode evening = deviceProfile(deviceId(1));
        evening.put("ts", TelemetryFixtures.DAY + "T19:00:00+08:00");
        ((ObjectNode) evening.get("device")).put("memory_mb", 32768);
        TelemetryFixtures.writeLanding(dataRoot, "a.jsonl", List.of(utf8(morning.toString()),
                utf8(evening.toString()), utf8(line(deviceProfile(deviceId(2)), e -> e.put("ip", "2001:db8:1234::5"))),
                utf8(appSession(deviceId(2)).toString()), utf8(login(deviceId(3)).toString())));
        PipelineConfig config = TelemetryFixtures.config(dataRoot);
        new IngestJob(spark, config, TelemetryFixtures.KEY, CLOCK).run(DAY);

        manifest = new ProfileJob(spark, config, CLOCK).run(DAY);
        root = new DataRoot(dataRoot.toUri());
    }

    @Test
    void keepsExactlyOneRowPerDeviceWithAProfileTheLatest() {
        Dataset<Row> profiles = spark.read().parquet(root.stagingProfiles(DAY).toString());

        assertThat(profiles.count()).isEqualTo(2);
        assertThat(profiles.select("device_pseudonym").distinct().count()).isEqualTo(2);
        assertThat(profiles.select("memory_mb").orderBy("memory_mb").collectAsList())
                .extracting(r -> r.getLong(0)).containsExactly(16384L, 32768L);
    }

    @Test
    void flattensAndDerivesTheQuasiIdentifiers() {
        Row profile = spark.read().parquet(root.stagingProfiles(DAY).toString())
                .filter("region = '江苏'").first();

        assertThat(Map.of("cpu_vendor", "Intel", "cpu_family", "Core i5", "os_major", "20", "board_vendor", "LENOVO",
                "disk_types", "ssd", "nic_vendors", "Intel", "partition_fs_types", "ext4",
                "wallpaper_category", "custom", "language", "zh_CN", "timezone", "Asia/Shanghai"))
                .allSatisfy((column, value) -> assertThat(profile.<Object>getAs(column)).as(column).isEqualTo(value));
        assertThat(profile.<Integer>getAs("cpu_cores")).isEqualTo(4);
        assertThat(profile.<Double>getAs("disk_total_gb")).isEqualTo(512.0);
        assertThat(profile.<Integer>getAs("disk_count")).isEqualTo(1);
        assertThat(profile.<Integer>getAs("partition_count")).isEqualTo(2);
        assertThat(profile.getJavaMap(profile.fieldIndex("dock"))).containsEntry("position", "bottom")
                .containsEntry("size", "48");
    }

    @Test
    void noRawIdentifierSurvivesInTheProfiles() {
        String profiles = String.join("\n",
                spark.read().parquet(root.stagingProfiles(DAY).toString()).toJSON().collectAsList());

        assertThat(profiles).doesNotContain(TelemetryFixtures.PLANTED)
                .doesNotContain(deviceId(1), deviceId(2), deviceId(3));
    }

    @Test
    void theColumnsAreStableSnakeCase() {
        String[] columns = spark.read().parquet(root.stagingProfiles(DAY).toString()).columns();

        assertThat(columns).allMatch(c -> c.matches("[a-z][a-z0-9_]*"))
                .startsWith("device_pseudonym", "region", "cpu_vendor", "cpu_model", "cpu_family", "cpu_cores",
                        "memory_mb", "disk_count", "disk_total_gb")
                .contains("board_vendor", "board_model", "os_version", "os_major", "edition", "language", "timezone",
                        "sound_theme", "power_mode", "theme", "launcher_mode", "wallpaper_category", "dock",
                        "hot_corners", "mouse");
    }

    @Test
    void theManifestAccountsForProfilesAndDevicesWithoutOne() throws IOException {
        assertThat(new ManifestFile(new Configuration()).read(root.stagingProfiles(DAY))).isEqualTo(manifest);
        assertThat(manifest.job()).isEqualTo("profile");
        assertThat(manifest.accounting().inputLines()).isEqualTo(3);
        assertThat(manifest.accounting().accepted()).isEqualTo(2);
        assertThat(manifest.accounting().duplicates()).isEqualTo(1);
        assertThat(manifest.inputs().get(0).rows()).isEqualTo(5);
        assertThat(manifest.extra().get("devices_without_profile").asLong()).isEqualTo(1);
        assertThat(manifest.extra().get("devices").asLong()).isEqualTo(3);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aRerunReplacesTheProfiles() throws IOException {
        RunManifest again = new ProfileJob(spark, TelemetryFixtures.config(dataRoot), CLOCK).run(DAY);

        assertThat(again.accounting()).isEqualTo(manifest.accounting());
        assertThat(spark.read().parquet(root.stagingProfiles(DAY).toString()).count()).isEqualTo(2);
    }
}

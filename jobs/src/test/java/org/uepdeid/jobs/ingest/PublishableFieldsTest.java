package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.appSession;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceProfile;
import static org.uepdeid.jobs.testing.TelemetryFixtures.download;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.pii.PersonalDataCatalogue;
import org.uepdeid.jobs.testing.PlantedPersonalData;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * Every variant issue 8 probed with, planted in every publishable field by more devices than {@code min_devices}
 * (so a label they share would pass cell suppression): none reaches staging, from which every published output is
 * built, and the manifest counts each redaction per field.
 */
class PublishableFieldsTest {

    static final int DEVICES = 12;
    static final List<String> FIELDS = List.of("app.id", "app.version", "download.app_id", "system.os_version",
            "system.edition", "system.language", "system.kernel", "system.dock.position");

    @TempDir
    static Path dataRoot;

    static SparkSession spark;
    static RunManifest manifest;
    /** The publishable fields of every staging row, as JSON. */
    static List<String> staging;

    @BeforeAll
    static void ingestPlantedDay() throws IOException {
        spark = SparkTestSession.get();
        List<byte[]> lines = new ArrayList<>();
        for (int device = 1; device <= DEVICES; device++) {
            for (String value : PlantedPersonalData.VARIANTS.keySet()) {
                String id = deviceId(device);
                lines.add(utf8(line(appSession(id), e -> ((ObjectNode) e.get("app")).put("id", value)
                        .put("version", value))));
                lines.add(utf8(line(download(id), e -> ((ObjectNode) e.get("download")).put("app_id", value))));
                lines.add(utf8(line(deviceProfile(id), e -> {
                    ObjectNode system = (ObjectNode) e.get("system");
                    system.put("os_version", value).put("edition", value).put("language", value)
                            .put("kernel", value);
                    ((ObjectNode) system.get("dock")).put("position", value);
                })));
            }
        }
        TelemetryFixtures.writeLanding(dataRoot, "a.jsonl", lines);
        manifest = new IngestJob(spark, TelemetryFixtures.config(dataRoot), TelemetryLineParserTest.KEY,
                Clock.fixed(TelemetryLineParserTest.RUN_START, ZoneOffset.UTC)).run(TelemetryLineParserTest.DAY);
        staging = spark.read().parquet(new DataRoot(dataRoot.toUri()).stagingEvents(TelemetryLineParserTest.DAY)
                .toString()).selectExpr("app.id", "app.version", "download.app_id", "system.os_version",
                        "system.edition", "system.language", "system.kernel", "system.dock['position']")
                .toJSON().collectAsList();
    }

    @Test
    void noVariantReachesStagingInAnyField() {
        assertThat(manifest.accounting().accepted()).isEqualTo(3L * DEVICES * PlantedPersonalData.VARIANTS.size());
        String all = String.join("\n", staging);
        for (String variant : PlantedPersonalData.VARIANTS.keySet()) {
            assertThat(all).doesNotContain(variant);
        }
        assertThat(staging).allSatisfy(row -> assertThat(PersonalDataCatalogue.firstFoundIn(row)).isEmpty());
        assertThat(all).contains(PersonalDataCatalogue.REDACTED, "\"language\":\"other\"");
    }

    @Test
    void theManifestCountsTheRedactionsPerFieldWithoutValues() {
        Map<String, Integer> expected = new TreeMap<>();
        FIELDS.forEach(field -> expected.put(field, DEVICES * PlantedPersonalData.VARIANTS.size()));
        Map<String, Integer> counted = new TreeMap<>();
        manifest.privacy().path("redacted_values").fields()
                .forEachRemaining(entry -> counted.put(entry.getKey(), entry.getValue().asInt()));

        assertThat(counted).isEqualTo(expected);
        for (String variant : PlantedPersonalData.VARIANTS.keySet()) {
            assertThat(manifest.toJson()).doesNotContain(variant);
        }
    }
}

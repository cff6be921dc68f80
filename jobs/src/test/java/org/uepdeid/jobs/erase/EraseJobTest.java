package org.uepdeid.jobs.erase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.appSession;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceProfile;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;
import static org.uepdeid.jobs.testing.TelemetryFixtures.utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.ledger.ErasureSection;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.testing.CommandRun;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * {@code uep-deid erase} of one of three devices, run as an operator would: a dry run with {@code --device-id}, then
 * the erasure with {@code --ids-file}. The day was ingested and profiled by the real jobs; the device also has a
 * quarantined line, the quarantine a line without any device, and staging/classes and quarantine/anonymize rows are
 * written as the anonymize job writes them. A second day and quarantine/anonymize hold no row of the device.
 * The tests compare the data root before the dry run, after it, and after the erasure; the re-ingest goes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EraseJobTest {

    static final LocalDate DAY = LocalDate.parse(TelemetryFixtures.DAY);
    static final LocalDate OTHER_DAY = DAY.minusDays(1);
    static final PseudonymKey KEY = TelemetryFixtures.KEY;
    static final int ERASED = 1;
    static final String RAW_ID = deviceId(ERASED);
    static final String PSEUDONYM = new DevicePseudonymizer(KEY).pseudonym(RAW_ID);
    /** Three events, and one line quarantined for its IP, of the erased device. */
    static final long ERASED_LINES = 4;

    @TempDir
    static Path dir;

    static SparkSession spark;
    static PipelineConfig config;
    static DataRoot root;
    static Path configFile;
    static Path keyFile;
    static Map<String, Rows> rowsBefore;
    static Map<String, String> filesBefore;
    static Map<String, String> filesAfterDryRun;
    static Map<String, String> filesAfterErase;
    static CommandRun dryRun;
    static CommandRun erase;

    /** A partition's rows: all of them, and those not of the erased device (null pseudonyms included). */
    record Rows(long all, long others) {
    }

    @BeforeAll
    static void ingestADayThenDryRunThenErase() throws IOException {
        spark = SparkTestSession.get();
        Path data = dir.resolve("data");
        List<byte[]> lines = new ArrayList<>();
        for (int device = 1; device <= 3; device++) {
            lines.add(utf8(deviceProfile(deviceId(device)).toString()));
            lines.add(utf8(appSession(deviceId(device)).toString()));
            lines.add(utf8(login(deviceId(device)).toString()));
        }
        lines.add(utf8(line(login(RAW_ID), e -> e.put("ip", "not an ip"))));
        lines.add(utf8("{\"schema\": \"uep.v1\", \"device_id\": "));
        TelemetryFixtures.writeLanding(data, "a.jsonl", lines);
        config = TelemetryFixtures.config(data);
        root = new DataRoot(config.dataRoot());
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
        new IngestJob(spark, config, KEY, clock).run(DAY);
        new ProfileJob(spark, config, clock).run(DAY);
        DevicePseudonymizer pseudonyms = new DevicePseudonymizer(KEY);
        writeRows(root.stagingClasses(DAY), new StructType().add(StagingEvents.DEVICE_PSEUDONYM, DataTypes.StringType)
                        .add("region", DataTypes.StringType).add("suppressed", DataTypes.BooleanType),
                Stream.of(1, 2, 3).map(d -> RowFactory.create(pseudonyms.pseudonym(deviceId(d)), "华北", false)));
        writeRows(root.anonymizeQuarantine(DAY), new StructType().add(StagingEvents.DEVICE_PSEUDONYM,
                        DataTypes.StringType).add("attribute", DataTypes.StringType).add("reason", DataTypes.StringType),
                Stream.of(RowFactory.create(pseudonyms.pseudonym(deviceId(2)), "cpu_family", "not in hierarchy")));
        spark.read().parquet(root.stagingEvents(DAY).toString())
                .filter(col(StagingEvents.DEVICE_PSEUDONYM).notEqual(PSEUDONYM))
                .write().parquet(root.stagingEvents(OTHER_DAY).toString());
        try (InputStream regions = EraseJobTest.class.getResourceAsStream("/ip-regions-test.csv")) {
            Files.copy(regions, dir.resolve("ip-regions.csv"));
        }
        configFile = Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\n" + TelemetryFixtures.ANONYMIZATION);
        keyFile = Files.writeString(dir.resolve("key"), TelemetryFixtures.KEY_HEX + "\n");
        Path idsFile = Files.writeString(dir.resolve("erase.txt"), "# ticket 4711\n\n  " + RAW_ID + "  \n");

        rowsBefore = rows();
        filesBefore = files();
        dryRun = erase("--device-id", RAW_ID, "--dry-run");
        filesAfterDryRun = files();
        erase = erase("--ids-file", idsFile.toString());
        filesAfterErase = files();
    }

    @Test
    @Order(1)
    void aDryRunChangesNothingAndForeseesWhatTheErasureRemoves() {
        assertThat(dryRun.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(filesAfterDryRun).isEqualTo(filesBefore);
        assertThat(dryRun.out()).contains("dry run", "ledger: not written");
        assertThat(totalLine(dryRun.out())).isEqualTo(totalLine(erase.out()));
    }

    @Test
    @Order(1)
    void theDeviceIsInNoRowOfAnyStagingOrQuarantinePartitionAndEveryOtherRowIsThere() {
        assertThat(erase.exit()).as(erase.err()).isEqualTo(ExitCodes.DONE);
        Map<String, Long> rowsAfter = new TreeMap<>();
        Map<String, Long> othersBefore = new TreeMap<>();
        Map<String, Long> removed = new TreeMap<>();
        for (Path partition : partitions()) {
            // Every column as JSON: the pseudonym must be in no column at all, not only in device_pseudonym.
            List<String> rows = spark.read().parquet(partition.toString()).toJSON().collectAsList();
            assertThat(String.join("\n", rows)).as(partition.toString()).doesNotContain(PSEUDONYM);
            Rows before = rowsBefore.get(relative(partition));
            rowsAfter.put(relative(partition), (long) rows.size());
            othersBefore.put(relative(partition), before.others());
            removed.put(relative(partition), before.all() - before.others());
        }

        assertThat(rowsAfter).isEqualTo(othersBefore);
        assertThat(removed).containsEntry("staging/events/dt=" + DAY, 3L)
                .containsEntry("staging/profiles/dt=" + DAY, 1L).containsEntry("staging/classes/dt=" + DAY, 1L)
                .containsEntry("quarantine/dt=" + DAY, 1L).containsEntry("quarantine/anonymize/dt=" + DAY, 0L)
                .containsEntry("staging/events/dt=" + OTHER_DAY, 0L);
        // The quarantined line without a device id has a null pseudonym: it is nobody's to erase, and stays.
        assertThat(spark.read().parquet(root.quarantine(DAY).toString())
                .filter(col(StagingEvents.DEVICE_PSEUDONYM).isNull()).count()).isEqualTo(1);
        String quarantined = spark.read().parquet(root.quarantine(DAY).toString()).collectAsList().stream()
                .map(r -> r.<String>getAs("redacted_line"))
                .collect(Collectors.joining("\n"));
        assertThat(quarantined).doesNotContain(RAW_ID);
        assertThat(erase.out()).containsPattern("staging/events +2 +1 +3\\R")
                .containsPattern("total +6 +4 +6\\R").contains("days with rows of these devices: " + DAY);
    }

    @Test
    @Order(1)
    void partitionsWithoutTheDeviceAreNotRewritten() {
        for (String untouched : List.of("quarantine/anonymize/dt=" + DAY, "staging/events/dt=" + OTHER_DAY)) {
            assertThat(filesUnder(filesAfterErase, untouched)).isNotEmpty()
                    .isEqualTo(filesUnder(filesBefore, untouched));
        }
        assertThat(filesUnder(filesAfterErase, "staging/events/dt=" + DAY))
                .isNotEqualTo(filesUnder(filesBefore, "staging/events/dt=" + DAY));
    }

    @Test
    @Order(1)
    void theLedgerHoldsThePseudonymWithTheTimeOfTheRequest() {
        // Read as verify reads it: a plain Parquet read of the whole ledger folder.
        List<Row> ledger = spark.read().parquet(root.erasureLedger().toString()).collectAsList();

        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).<String>getAs(StagingEvents.DEVICE_PSEUDONYM)).isEqualTo(PSEUDONYM);
        assertThat(ledger.get(0).<java.sql.Timestamp>getAs(Ledger.ERASURE.timeColumn())).isNotNull();
    }

    @Test
    @Order(1)
    void rewrittenPartitionsKeepTheirManifestWithTheErasureCounted() throws IOException {
        ManifestFile manifests = new ManifestFile(spark.sparkContext().hadoopConfiguration());
        RunManifest events = manifests.read(root.stagingEvents(DAY));

        assertThat(events.job()).isEqualTo(IngestJob.NAME);
        assertThat(events.extra().get(ErasureSection.KEY).path("rows_removed").asLong()).isEqualTo(3);
        assertThat(events.extra().get(ErasureSection.KEY).path("last_erased_at").asText()).isNotBlank();
        assertThat(manifests.read(root.stagingProfiles(DAY)).extra().get(ErasureSection.KEY)
                .path("rows_removed").asLong()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void neitherTheOutputNorAnyManifestNamesTheDevice() throws IOException {
        List<String> manifests;
        try (Stream<Path> all = Files.walk(dir.resolve("data"))) {
            manifests = all.filter(p -> p.getFileName().toString().equals(RunManifest.FILE_NAME)).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }

        assertThat(manifests).hasSizeGreaterThanOrEqualTo(4);
        for (String text : Stream.concat(Stream.of(dryRun.out(), dryRun.err(), erase.out(), erase.err()),
                manifests.stream()).toList()) {
            assertThat(text).doesNotContain(RAW_ID, PSEUDONYM, PSEUDONYM.substring(0, 16),
                    PSEUDONYM.substring(PSEUDONYM.length() - 16));
        }
    }

    @Test
    @Order(2)
    void aLaterIngestOfTheSameDayMarksTheDevicesLinesErased() throws IOException {
        RunManifest again = new IngestJob(spark, config, KEY, Clock.systemUTC()).run(DAY);

        assertThat(again.accounting().erased()).isEqualTo(ERASED_LINES);
        assertThat(spark.read().parquet(root.stagingEvents(DAY).toString())
                .filter(col(StagingEvents.DEVICE_PSEUDONYM).equalTo(PSEUDONYM)).count()).isZero();
        assertThat(spark.read().parquet(root.quarantine(DAY).toString())
                .filter(col(StagingEvents.DEVICE_PSEUDONYM).equalTo(PSEUDONYM)).count()).isZero();
    }

    private static CommandRun erase(String... args) {
        return CommandRun.of("erase", Stream.concat(Stream.of("--config", configFile.toString(), "--key-file",
                        keyFile.toString()),
                Stream.of(args)).toArray(String[]::new));
    }

    private static void writeRows(org.apache.hadoop.fs.Path partition, StructType schema, Stream<Row> rows) {
        spark.createDataFrame(rows.toList(), schema).coalesce(1).write().parquet(partition.toString());
    }

    /** Every staging and quarantine day partition. */
    private static List<Path> partitions() {
        Path data = dir.resolve("data");
        return Stream.of("staging/events", "staging/profiles", "staging/classes", "quarantine",
                        "quarantine/anonymize")
                .flatMap(zone -> {
                    try (Stream<Path> days = Files.list(data.resolve(zone))) {
                        return days.filter(p -> p.getFileName().toString().startsWith("dt=")).toList().stream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .sorted().toList();
    }

    /** The rows of each partition (data-root-relative). */
    private static Map<String, Rows> rows() {
        Map<String, Rows> counts = new TreeMap<>();
        for (Path partition : partitions()) {
            Row row = spark.read().parquet(partition.toString()).agg(count(lit(1)),
                    count(when(col(StagingEvents.DEVICE_PSEUDONYM).isNull()
                            .or(col(StagingEvents.DEVICE_PSEUDONYM).notEqual(PSEUDONYM)), lit(1)))).first();
            counts.put(relative(partition), new Rows(row.getLong(0), row.getLong(1)));
        }
        return counts;
    }

    /** Every file under the data root with its size and modification time. */
    private static Map<String, String> files() {
        try (Stream<Path> all = Files.walk(dir.resolve("data"))) {
            Map<String, String> files = new TreeMap<>();
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(relative(file), Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
            }
            return files;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> filesUnder(Map<String, String> files, String folder) {
        Map<String, String> under = new TreeMap<>(files);
        under.keySet().removeIf(name -> !name.startsWith(folder + "/"));
        return under;
    }

    private static String relative(Path path) {
        return dir.resolve("data").relativize(path).toString();
    }

    private static String totalLine(String out) {
        return out.lines().filter(l -> l.strip().startsWith("total")).findFirst().orElse("no total line");
    }
}

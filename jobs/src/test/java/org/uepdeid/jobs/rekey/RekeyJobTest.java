package org.uepdeid.jobs.rekey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.testing.CommandRun;
import org.uepdeid.jobs.testing.RepoConfig;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * {@code uep-deid rekey} on a generated day run under key A (ingest, profile, anonymize), with one device
 * erased and one consent revoked so that the ledgers hold entries, against a control data root where everything ran
 * under key B from the start. A snapshot of the data root before the rekey serves the crash and unmapped cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RekeyJobTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 27);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);
    private static final PseudonymKey KEY_A = TelemetryFixtures.KEY;
    private static final String KEY_B_HEX = "3b".repeat(32);
    private static final PseudonymKey KEY_B = PseudonymKey.fromEnvironment(KEY_B_HEX);
    /** Before day 2's first event, whatever its offset: none of the device's day-2 events may be kept. */
    private static final String REVOKED_AT = DAY_1 + "T00:00:00Z";
    /** What may hold pseudonyms (published/ and reports/ never do). */
    private static final List<String> KEYED = List.of("staging", "quarantine", "ledger");
    private static final JsonMapper JSON = new JsonMapper();

    private SparkSession spark;
    private Path dir;
    private Path config;
    private Path keyA;
    private Path keyB;
    private Path rekeyed;
    private Path control;
    private Path snapshot;
    private String erased;
    private String revoked;
    private Set<String> oldPseudonyms;
    private Set<String> newPseudonyms;
    private Map<String, Long> rowsBefore;
    private CommandRun rekey;

    @BeforeAll
    void runDayOneUnderEachKeyThenRekey(@TempDir Path dir) throws IOException {
        this.dir = dir;
        spark = SparkTestSession.get();
        config = RepoConfig.exactStatistics();
        keyA = Files.writeString(dir.resolve("a.key"), TelemetryFixtures.KEY_HEX + "\n");
        keyB = Files.writeString(dir.resolve("b.key"), KEY_B_HEX + "\n");
        Path generatorConfig = Files.writeString(dir.resolve("generate.yaml"), "generate:\n  ip_regions: "
                + RepoConfig.REPO.resolve("jobs-config/ip-regions.csv") + "\n");
        rekeyed = dir.resolve("rekeyed");
        control = dir.resolve("control");
        TelemetryGenerator.prepare(new GenerateRequest(rekeyed.toString(), DAY_1, 2, 120, 8, 0.02,
                Optional.of(generatorConfig), Optional.empty())).writeLanding(spark);
        copy(rekeyed.resolve("landing"), control.resolve("landing"));
        List<String> adults = adultsOfDayOne();
        erased = adults.get(0);
        revoked = adults.get(1);
        for (Object[] root : new Object[][] {{rekeyed, keyA}, {control, keyB}}) {
            Path data = (Path) root[0];
            String key = root[1].toString();
            assertThat(cli(data, "ingest", "--date", DAY_1.toString(), "--key-file", key).exit()).isEqualTo(0);
            assertThat(cli(data, "profile", "--date", DAY_1.toString()).exit()).isEqualTo(0);
            assertThat(cli(data, "anonymize", "--date", DAY_1.toString()).exit()).isEqualTo(0);
            assertThat(cli(data, "erase", "--device-id", erased, "--key-file", key).exit()).isEqualTo(0);
            assertThat(cli(data, "consent", "revoke", "--device-id", revoked, "--at", REVOKED_AT, "--key-file", key)
                    .exit()).isEqualTo(0);
        }
        snapshot = dir.resolve("snapshot");
        copy(rekeyed, snapshot);
        oldPseudonyms = keyedPseudonyms(rekeyed);
        Set<String> ids = landingIds(rekeyed);
        DevicePseudonymizer a = new DevicePseudonymizer(KEY_A);
        DevicePseudonymizer b = new DevicePseudonymizer(KEY_B);
        newPseudonyms = ids.stream().map(b::pseudonym).collect(Collectors.toSet());
        assertThat(ids.stream().map(a::pseudonym).collect(Collectors.toSet())).containsAll(oldPseudonyms);
        rowsBefore = rowsPerPartition(rekeyed);

        rekey = rekey(rekeyed);
    }

    @Test
    @Order(1)
    void noOldPseudonymRemainsInAnyFileAndEveryRowIsKept() throws IOException {
        assertThat(rekey.exit()).as(rekey.err()).isEqualTo(ExitCodes.DONE);
        assertThat(oldPseudonyms).hasSizeGreaterThan(100);
        assertThat(rowsBefore).containsKeys("staging/events/dt=" + DAY_1, "quarantine/dt=" + DAY_1,
                "staging/classes/dt=" + DAY_1).hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy((partition, rows) -> assertThat(partition).startsWith("ledger/erasure/"))
                .anySatisfy((partition, rows) -> assertThat(partition).startsWith("ledger/consent/"));
        assertUnderKeyB(rekeyed);
        assertThat(rowsPerPartition(rekeyed)).isEqualTo(rowsBefore);
        JsonNode manifest = manifest(rekeyed.resolve("staging/events/dt=" + DAY_1));
        assertThat(manifest.at("/rekey/key_id").asText()).isEqualTo("b");
        assertThat(manifest.at("/privacy/key_id").asText()).isEqualTo("b");
        assertThat(manifest.at("/rekey/rows_rekeyed").asLong()).isEqualTo(rowsBefore.get("staging/events/dt=" + DAY_1));
        assertThat(manifest.at("/erasure/erasures").asInt()).as("the erasure's record is kept").isEqualTo(1);
        assertThat(rekey.out()).contains("key default -> b", "2 landing day(s)");
    }

    @Test
    @Order(2)
    void aRerunAfterACrashFinishesTheRestAndLeavesTheDoneOnesAlone() throws IOException {
        // A crash after some partitions: those two are back as they were before the rekey, the rest is re-keyed.
        List<String> undone = List.of("staging/events/dt=" + DAY_1, rowsBefore.keySet().stream()
                .filter(p -> p.startsWith("ledger/erasure/")).findFirst().orElseThrow());
        for (String partition : undone) {
            delete(rekeyed.resolve(partition));
            copy(snapshot.resolve(partition), rekeyed.resolve(partition));
        }
        Map<String, String> doneBefore = files(rekeyed, p -> undone.stream().noneMatch(p::startsWith));

        CommandRun rerun = rekey(rekeyed);

        assertThat(rerun.exit()).as(rerun.err()).isEqualTo(ExitCodes.DONE);
        assertThat(files(rekeyed, p -> undone.stream().noneMatch(p::startsWith))).as("done partitions untouched")
                .isEqualTo(doneBefore);
        assertThat(rerun.out()).containsPattern("staging/events\\s+1\\s+0\\s+\\d+\\s+0\\s+1")
                .containsPattern("staging/profiles\\s+1\\s+1\\s+0\\s+0\\s+0");
        assertUnderKeyB(rekeyed);
        assertThat(rowsPerPartition(rekeyed)).isEqualTo(rowsBefore);
    }

    @Test
    @Order(3)
    void dayTwoAfterTheRekeyPublishesWhatARootUnderTheNewKeyFromTheStartPublishes() throws IOException {
        for (Path data : List.of(rekeyed, control)) {
            CommandRun run = cli(data, "run", "--date", DAY_2.toString(), "--key-file", keyB.toString());
            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.DONE);
        }

        Map<String, List<String>> published = published(rekeyed);
        assertThat(published).isNotEmpty().isEqualTo(published(control));
        List<String> dayTwo = spark.read().parquet(rekeyed.resolve("staging/events/dt=" + DAY_2).toString())
                .select(Ledger.DEVICE_PSEUDONYM).distinct().as(Encoders.STRING()).collectAsList();
        DevicePseudonymizer b = new DevicePseudonymizer(KEY_B);
        assertThat(dayTwo).isNotEmpty().as("the erased device").doesNotContain(b.pseudonym(erased));
        assertThat(dayTwo).as("the revoked device").doesNotContain(b.pseudonym(revoked));
        assertThat(landingIds(rekeyed, DAY_2)).as("both devices sent events on day 2").contains(erased, revoked);
    }

    @Test
    @Order(4)
    void eraseWithTheNewKeyFindsADevice() {
        String device = adultsOfDayOne().get(2);
        String pseudonym = new DevicePseudonymizer(KEY_B).pseudonym(device);
        assertThat(rowsOf(pseudonym)).isPositive();

        CommandRun erase = cli(rekeyed, "erase", "--device-id", device, "--key-file", keyB.toString());

        assertThat(erase.exit()).as(erase.err()).isEqualTo(ExitCodes.DONE);
        assertThat(rowsOf(pseudonym)).isZero();
    }

    @Test
    @Order(5)
    void withoutLandingNothingMapsAndNothingChangesEvenWithDropUnmapped() throws IOException {
        Path data = dir.resolve("unmapped");
        copy(snapshot, data);
        delete(data.resolve("landing"));
        Map<String, String> before = files(data, p -> true);

        CommandRun refused = rekey(data);
        CommandRun stillRefused = rekey(data, "--drop-unmapped");

        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(refused.err()).containsPattern("staging/events \\d+").contains("ledger/erasure 1",
                "ledger/consent 1", "--ids-file", "--drop-unmapped", "nothing was changed");
        assertThat(stillRefused.exit()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(stillRefused.err()).contains("ledger/erasure 1", "ledger/consent 1", "must always map")
                .doesNotContain("staging/events");
        assertThat(files(data, p -> true)).as("nothing changed").isEqualTo(before);
        assertThat(refused.err() + refused.out() + stillRefused.err() + stillRefused.out())
                .doesNotContain(erased, revoked, new DevicePseudonymizer(KEY_A).pseudonym(erased));
    }

    @Test
    @Order(6)
    void withTheLedgerDevicesInAnIdsFileDropUnmappedRemovesAndCountsTheRest() throws IOException {
        Path data = dir.resolve("unmapped");
        Path ids = Files.writeString(dir.resolve("requests.txt"), "# erasure and consent archive\n" + erased + "\n"
                + revoked + "\n");

        CommandRun dropped = rekey(data, "--drop-unmapped", "--ids-file", ids.toString());

        assertThat(dropped.exit()).as(dropped.err()).isEqualTo(ExitCodes.DONE);
        assertUnderKeyB(data);
        Map<String, Long> after = rowsPerPartition(data);
        long droppedRows = 0;
        for (Map.Entry<String, Long> partition : rowsBefore.entrySet()) {
            JsonNode rekeyedSection = manifest(data.resolve(partition.getKey())).get("rekey");
            assertThat(after.get(partition.getKey()) + rekeyedSection.get("rows_dropped").asLong())
                    .as(partition.getKey()).isEqualTo(partition.getValue());
            droppedRows += rekeyedSection.get("rows_dropped").asLong();
        }
        assertThat(droppedRows).isPositive();
        assertThat(dropped.out()).contains("dropped " + droppedRows + " unmapped row(s)");
        assertThat(after.get(rowsBefore.keySet().stream().filter(p -> p.startsWith("ledger/erasure/")).findFirst()
                .orElseThrow())).isEqualTo(1);
    }

    /** Every pseudonym under staging, quarantine and the ledgers is key B's; no file holds an old one's bytes. */
    private void assertUnderKeyB(Path data) throws IOException {
        Set<String> now = keyedPseudonyms(data);
        assertThat(now).isNotEmpty().doesNotContainAnyElementsOf(oldPseudonyms);
        assertThat(newPseudonyms).containsAll(now);
        for (Map.Entry<String, String> file : files(data, p -> KEYED.stream().anyMatch(p::startsWith)).entrySet()) {
            String bytes = Files.readString(data.resolve(file.getKey()), StandardCharsets.ISO_8859_1);
            assertThat(oldPseudonyms).as(file.getKey()).noneMatch(bytes::contains);
        }
    }

    private CommandRun rekey(Path data, String... more) {
        return cli(data, Stream.concat(Stream.of("rekey", "--old-key-file", keyA.toString(), "--new-key-file",
                keyB.toString(), "--new-key-id", "b"), Stream.of(more)).toArray(String[]::new));
    }

    private CommandRun cli(Path data, String... args) {
        return CommandRun.of(args[0], Stream.concat(Stream.of(args).skip(1), Stream.of("--config", config.toString(),
                "--data-root", data.toString())).toArray(String[]::new));
    }

    /** Devices of day 1 whose rows reach every output: consented under the current policy, no birth year stated. */
    private List<String> adultsOfDayOne() {
        return spark.read().text(rekeyed.resolve("landing/dt=" + DAY_1).toString())
                .filter(get_json_object(col("value"), "$.event_type").equalTo("device_profile")
                        .and(get_json_object(col("value"), "$.uep_enabled").equalTo("true"))
                        .and(get_json_object(col("value"), "$.consent_version")
                                .equalTo(ConsentSection.CURRENT_POLICY_VERSION))
                        .and(get_json_object(col("value"), "$.birth_year").isNull()))
                .select(get_json_object(col("value"), "$.device_id").as("id")).distinct().orderBy(col("id").asc_nulls_last())
                .as(Encoders.STRING()).collectAsList().stream().filter(id -> id != null && !id.isBlank()).toList();
    }

    private Set<String> landingIds(Path data) {
        Set<String> ids = new HashSet<>(landingIds(data, DAY_1));
        ids.addAll(landingIds(data, DAY_2));
        return ids;
    }

    private List<String> landingIds(Path data, LocalDate day) {
        return spark.read().text(data.resolve("landing/dt=" + day).toString())
                .select(get_json_object(col("value"), "$.device_id")).as(Encoders.STRING()).collectAsList().stream()
                .filter(id -> id != null).distinct().toList();
    }

    /** Every partition or ledger entry holding Parquet data under staging, quarantine and ledger, by its path. */
    private List<String> keyedPartitions(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).map(Path::getParent)
                    .map(p -> data.relativize(p).toString()).filter(p -> KEYED.stream().anyMatch(p::startsWith))
                    .distinct().sorted().toList();
        }
    }

    private Map<String, Long> rowsPerPartition(Path data) throws IOException {
        Map<String, Long> rows = new TreeMap<>();
        for (String partition : keyedPartitions(data)) {
            rows.put(partition, spark.read().parquet(data.resolve(partition).toString()).count());
        }
        return rows;
    }

    private Set<String> keyedPseudonyms(Path data) throws IOException {
        Set<String> pseudonyms = new HashSet<>();
        for (String partition : keyedPartitions(data)) {
            spark.read().parquet(data.resolve(partition).toString()).select(Ledger.DEVICE_PSEUDONYM)
                    .filter(col(Ledger.DEVICE_PSEUDONYM).isNotNull()).distinct().as(Encoders.STRING())
                    .collectAsList().forEach(pseudonyms::add);
        }
        return pseudonyms;
    }

    private long rowsOf(String pseudonym) {
        try {
            long rows = 0;
            // The erasure ledger holds the pseudonym as it should: staging and quarantine must not.
            for (String partition : keyedPartitions(rekeyed).stream().filter(p -> !p.startsWith("ledger")).toList()) {
                rows += spark.read().parquet(rekeyed.resolve(partition).toString())
                        .filter(col(Ledger.DEVICE_PSEUDONYM).equalTo(pseudonym)).count();
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Day 2's published rows, sorted, per output folder. */
    private Map<String, List<String>> published(Path data) throws IOException {
        Map<String, List<String>> outputs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data.resolve("published"))) {
            for (Path folder : files.filter(Files::isDirectory)
                    .filter(f -> f.getFileName().toString().equals("dt=" + DAY_2)).toList()) {
                outputs.put(data.relativize(folder).toString(), spark.read().parquet(folder.toString())
                        .collectAsList().stream().map(Row::toString).sorted().toList());
            }
        }
        return outputs;
    }

    private static JsonNode manifest(Path partition) throws IOException {
        return JSON.readTree(partition.resolve("_manifest.json").toFile());
    }

    /** Every file under {@code data} whose relative path passes, with its content (hex-free: as Latin-1 text). */
    private static Map<String, String> files(Path data, java.util.function.Predicate<String> which)
            throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String name = data.relativize(file).toString();
                if (which.test(name)) {
                    files.put(name, Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(from)) {
            all = new ArrayList<>(files.toList());
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(folder)) {
            all = new ArrayList<>(files.toList());
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.delete(all.get(i));
        }
    }
}

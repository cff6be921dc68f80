package org.uepdeid.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.appSession;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceProfile;
import static org.uepdeid.jobs.testing.TelemetryFixtures.download;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;
import static org.uepdeid.jobs.testing.TelemetryFixtures.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.ledger.PseudonymLedger;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/** One ingest run over a day holding every kind of input; the tests read its outputs and manifest. */
class IngestJobTest {

    static final LocalDate DAY = TelemetryLineParserTest.DAY;
    static final Clock CLOCK = Clock.fixed(TelemetryLineParserTest.RUN_START, ZoneOffset.UTC);
    static final int GOOD_DEVICES = 3;
    static final int NO_CONSENT_DEVICE = 4;
    static final int MINOR_DEVICE = 5;
    static final int ERASED_DEVICE = 6;
    /** States a child's birth year on its profile only; its login and app session say nothing of age. */
    static final int PROFILE_CHILD_DEVICE = 7;
    /** States its birth year as the string "2012". */
    static final int STRING_YEAR_DEVICE = 8;
    /** Consented under a policy version the config does not accept. */
    static final int OUTDATED_CONSENT_DEVICE = 9;
    static final List<Integer> CHILD_DEVICES = List.of(MINOR_DEVICE, PROFILE_CHILD_DEVICE, STRING_YEAR_DEVICE);

    @TempDir
    static Path dataRoot;

    static SparkSession spark;
    static RunManifest manifest;
    static DataRoot root;
    static Map<String, String> reasonByLineSha = new HashMap<>();
    static List<String> stagingJson;

    @BeforeAll
    static void ingestOneDay() throws IOException {
        spark = SparkTestSession.get();
        List<byte[]> plain = new ArrayList<>();
        List<byte[]> gzipped = new ArrayList<>();
        for (int device = 1; device <= GOOD_DEVICES; device++) {
            plain.add(utf8(deviceProfile(deviceId(device)).toString()));
            plain.add(utf8(appSession(deviceId(device)).toString()));
            plain.add(utf8(login(deviceId(device)).toString()));
            gzipped.add(utf8(download(deviceId(device)).toString()));
        }
        // One more login, sent three times: twice verbatim (a client retry), once re-stamped with the same id.
        ObjectNode repeated = login(deviceId(2));
        plain.add(utf8(repeated.toString()));
        plain.add(utf8(repeated.toString()));
        plain.add(utf8(line(repeated, e -> e.put("ts", DAY + "T10:00:00+08:00"))));
        plain.add(utf8(line(login(deviceId(NO_CONSENT_DEVICE)), e -> e.put("uep_enabled", false))));
        plain.add(utf8(line(login(deviceId(MINOR_DEVICE)), e -> e.put("birth_year", 2015))));
        plain.add(utf8(login(deviceId(ERASED_DEVICE)).toString()));
        plain.add(utf8(line(login(deviceId(PROFILE_CHILD_DEVICE)), e -> e.remove("birth_year"))));
        plain.add(utf8(line(deviceProfile(deviceId(PROFILE_CHILD_DEVICE)), e -> e.put("birth_year", 2011))));
        plain.add(utf8(line(appSession(deviceId(PROFILE_CHILD_DEVICE)), e -> { e.remove("birth_year"); e.put("ip", "bad"); })));
        plain.add(utf8(line(deviceProfile(deviceId(STRING_YEAR_DEVICE)), e -> e.put("birth_year", "2012"))));
        plain.add(utf8(line(login(deviceId(STRING_YEAR_DEVICE)), e -> e.remove("birth_year"))));
        plain.add(utf8(line(login(deviceId(OUTDATED_CONSENT_DEVICE)), e -> e.put("consent_version", "2019-08-01"))));
        plain.add(utf8(line(login(deviceId(ERASED_DEVICE)), e -> e.put("ip", "bad"))));
        badLines().forEach(a -> plain.add((byte[]) a.get()[1]));
        TelemetryFixtures.writeLanding(dataRoot, "a.jsonl", plain);
        TelemetryFixtures.writeLanding(dataRoot, "b.jsonl.gz", gzipped);
        writeErasureLedger(new DevicePseudonymizer(TelemetryLineParserTest.KEY).pseudonym(deviceId(ERASED_DEVICE)));

        manifest = new IngestJob(spark, TelemetryFixtures.config(dataRoot), TelemetryLineParserTest.KEY, CLOCK)
                .run(DAY);

        root = new DataRoot(dataRoot.toUri());
        spark.read().parquet(root.quarantine(DAY).toString()).collectAsList()
                .forEach(r -> reasonByLineSha.put(r.getAs("line_sha256"), r.getAs("reason")));
        stagingJson = spark.read().parquet(root.stagingEvents(DAY).toString()).toJSON().collectAsList();
    }

    /** Drawn once: the fixtures' event ids are random, and the tests must look up the very lines written. */
    static final List<Arguments> BAD_LINES = TelemetryLineParserTest.badLines().toList();

    static Stream<Arguments> badLines() {
        return BAD_LINES.stream();
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("badLines")
    void eachBadLineIsInQuarantineWithItsReason(String reason, byte[] line, String field) {
        assertThat(reasonByLineSha).containsEntry(sha256(line), reason);
    }

    @Test
    void accountsForEveryLineExactly() {
        Map<String, Long> quarantined = badLines().collect(Collectors.groupingBy(a -> (String) a.get()[0],
                TreeMap::new, Collectors.counting()));
        quarantined.merge("bad_ip", 0L, Long::sum);
        long goodEvents = 4L * GOOD_DEVICES + 1;
        long minors = 1 + 3 + 2;
        long noConsent = 2;
        long inputLines = goodEvents + 2 + noConsent + minors + 2 + badLines().count();

        assertThat(manifest.accounting())
                .isEqualTo(new Accounting(inputLines, goodEvents, quarantined, noConsent, minors, 2, 2));
        assertThat(manifest.accounting().balanced()).isTrue();
        assertThat(manifest.inputs()).extracting(d -> Path.of(d.path()).getFileName().toString(), d -> d.rows())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.jsonl", inputLines - GOOD_DEVICES),
                        org.assertj.core.groups.Tuple.tuple("b.jsonl.gz", (long) GOOD_DEVICES));
    }

    @Test
    void excludedDevicesReachNeitherStagingNorQuarantine() {
        Dataset<Row> quarantine = spark.read().parquet(root.quarantine(DAY).toString());
        String raw = quarantine.collectAsList().stream()
                .map(r -> r.<String>getAs("redacted_line"))
                .collect(Collectors.joining("\n"));
        DevicePseudonymizer pseudonyms = new DevicePseudonymizer(TelemetryLineParserTest.KEY);

        for (int excluded : List.of(NO_CONSENT_DEVICE, MINOR_DEVICE, ERASED_DEVICE, PROFILE_CHILD_DEVICE,
                STRING_YEAR_DEVICE, OUTDATED_CONSENT_DEVICE)) {
            assertThat(raw).doesNotContain(deviceId(excluded));
            assertThat(String.join("\n", stagingJson)).doesNotContain(pseudonyms.pseudonym(deviceId(excluded)));
            assertThat(quarantine.filter(col(StagingEvents.DEVICE_PSEUDONYM)
                    .equalTo(pseudonyms.pseudonym(deviceId(excluded)))).count()).isZero();
        }
    }

    @Test
    void quarantineHoldsNoDirectIdentifierOfTheDay() {
        Dataset<Row> quarantine = spark.read().parquet(root.quarantine(DAY).toString());
        String everything = String.join("\n", quarantine.toJSON().collectAsList());

        assertThat(quarantine.columns()).doesNotContain("raw_line").contains("redacted_line", "line_number");
        assertThat(everything).doesNotContain(TelemetryFixtures.PLANTED);
        for (int device = 1; device <= OUTDATED_CONSENT_DEVICE; device++) {
            assertThat(everything).doesNotContain(deviceId(device));
        }
        assertThat(quarantine.collectAsList()).allSatisfy(row -> {
            assertThat(row.<String>getAs("detail")).contains("expected");
            assertThat(row.<Long>getAs("line_number")).isPositive();
        });
    }

    @Test
    void aQuarantinedLineIsFoundByItsFileAndLineNumber() throws IOException {
        // As bytes: some lines are not UTF-8.
        List<String> landing = List.of(new String(java.nio.file.Files.readAllBytes(
                dataRoot.resolve("landing/dt=" + DAY + "/a.jsonl")), StandardCharsets.ISO_8859_1).split("\n", -1));
        Row badIp = spark.read().parquet(root.quarantine(DAY).toString())
                .filter(col("reason").equalTo("bad_ip").and(col("source_file").equalTo("a.jsonl"))).first();

        assertThat(sha256(landing.get((int) (long) badIp.<Long>getAs("line_number") - 1)
                .getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(badIp.getAs("line_sha256"));
    }

    @Test
    void everyChildIsRecordedInTheChildrenLedgerWithTheBirthYearStated() {
        DevicePseudonymizer pseudonyms = new DevicePseudonymizer(TelemetryLineParserTest.KEY);
        Map<String, Integer> ledger = new HashMap<>();
        spark.read().parquet(root.ledger("children").toString()).collectAsList()
                .forEach(r -> ledger.put(r.getAs(StagingEvents.DEVICE_PSEUDONYM), r.getAs("birth_year")));

        // "2012" as a string says nothing of the age: taken as born in the event year, the youngest possible.
        assertThat(ledger).containsOnly(Map.entry(pseudonyms.pseudonym(deviceId(MINOR_DEVICE)), 2015),
                Map.entry(pseudonyms.pseudonym(deviceId(PROFILE_CHILD_DEVICE)), 2011),
                Map.entry(pseudonyms.pseudonym(deviceId(STRING_YEAR_DEVICE)), DAY.getYear()));
    }

    @Test
    void keepsOneCopyOfARepeatedEventId() {
        List<Object> eventIds = spark.read().parquet(root.stagingEvents(DAY).toString())
                .select(StagingEvents.EVENT_ID).collectAsList().stream().map(r -> r.get(0)).toList();

        assertThat(eventIds).hasSize(4 * GOOD_DEVICES + 1).doesNotHaveDuplicates();
    }

    @Test
    void noRawIdentifierSurvivesInStaging() {
        String staging = String.join("\n", stagingJson);

        assertThat(staging).doesNotContain(TelemetryFixtures.PLANTED);
        for (int device = 1; device <= ERASED_DEVICE; device++) {
            assertThat(staging).doesNotContain(deviceId(device));
        }
        assertThat(staging).contains("\"wallpaper_category\":\"custom\"", "\"region\":\"北京\"");
    }

    @Test
    void writesTheManifestBesideBothOutputs() throws IOException {
        ManifestFile files = new ManifestFile(new Configuration());

        assertThat(files.read(root.stagingEvents(DAY))).isEqualTo(manifest);
        assertThat(files.read(root.quarantine(DAY))).isEqualTo(manifest);
        assertThat(manifest.job()).isEqualTo("ingest");
        assertThat(manifest.outputs()).extracting(d -> d.rows())
                .containsExactly(manifest.accounting().accepted(), manifest.accounting().quarantinedTotal());
        assertThat(manifest.privacy().path("key_id").asText()).isEqualTo(PseudonymKey.DEFAULT_ID);
        assertThat(manifest.privacy().has("key_fingerprint")).isFalse();
        assertThat(manifest.privacy().path("children_up_to_age").asInt()).isEqualTo(14);
        assertThat(manifest.privacy().path("consent_accepted_versions").toString()).isEqualTo("[\"2020-03-23\"]");
    }

    private static void writeErasureLedger(String pseudonym) throws IOException {
        new PseudonymLedger(spark, TelemetryFixtures.config(dataRoot), Ledger.ERASURE)
                .append(List.of(RowFactory.create(pseudonym)), CLOCK.instant(), "erase-test", "erase");
    }

    static String sha256(byte[] line) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

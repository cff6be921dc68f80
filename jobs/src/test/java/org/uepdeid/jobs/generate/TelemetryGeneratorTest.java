package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate job on local Spark: what lands on disk, read back and parsed line by line. */
class TelemetryGeneratorTest {

    private static final String FIRST_DAY = "2026-11-27";
    private static final List<LocalDate> DAYS = List.of(LocalDate.parse(FIRST_DAY), LocalDate.parse("2026-11-28"));
    private static final int DEVICES = 300;
    private static final long SEED = 7;
    private static final double BAD_SHARE = 0.1;

    @TempDir
    static Path folder;
    private static SparkSession spark;
    private static Path config;
    private static TelemetryGenerator generator;
    private static GenerationSummary summary;

    @BeforeAll
    static void generateTwoDays() {
        spark = GenerateFixtures.spark();
        config = GenerateFixtures.config(folder, "");
        generator = TelemetryGenerator.prepare(request("main", SEED, config));
        summary = generator.writeLanding(spark);
    }

    @Test
    void writesJsonLinesPartFilesAndAManifestPerDayAndNothingElse() throws IOException {
        Path landing = folder.resolve("main/landing");
        try (Stream<Path> entries = Files.list(landing)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("dt=2026-11-27", "dt=2026-11-28");
        }
        for (LocalDate day : DAYS) {
            Path dayFolder = landing.resolve("dt=" + day);
            assertThat(visibleFiles(dayFolder)).containsExactly("_SUCCESS", "_manifest.json", "part-00000.jsonl");
            JsonNode manifest = new ObjectMapper().readTree(dayFolder.resolve("_manifest.json").toFile());
            assertThat(manifest.get("job").asText()).isEqualTo("generate");
            assertThat(manifest.get("date").asText()).isEqualTo(day.toString());
            assertThat(manifest.at("/outputs/0/rows").asLong()).isEqualTo(lines(dayFolder).size());
            assertThat(manifest.at("/expected_accounting/input_lines").asLong()).isEqualTo(lines(dayFolder).size());
        }
        assertThat(summary.days()).hasSize(2);
        assertThat(summary.describe()).contains("dt=2026-11-27", "good", "bad", "total:");
    }

    @Test
    void everyLineOnDiskIsOfTheKindTheManifestCounts() throws IOException {
        Catalogues catalogues = Catalogues.load();
        for (LocalDate day : DAYS) {
            Path dayFolder = folder.resolve("main/landing/dt=" + day);
            LineClassifier classifier = new LineClassifier(day, catalogues);
            Map<String, Long> parsed = new TreeMap<>();
            lines(dayFolder).forEach(line -> parsed.merge(classifier.classify(line), 1L, Long::sum));

            Map<String, Long> expected = new TreeMap<>();
            new ObjectMapper().readTree(dayFolder.resolve("_manifest.json").toFile()).get("lines_by_kind").fields()
                    .forEachRemaining(kind -> expected.merge(unparseableAsOne(kind.getKey()), kind.getValue().asLong(),
                            Long::sum));
            assertThat(parsed).as(day.toString()).isEqualTo(expected);
        }
    }

    @Test
    void linesOfEachKindAppearAtRoughlyTheConfiguredShares() {
        for (DaySummary day : summary.days()) {
            Map<String, Long> kinds = day.linesByKind();
            double lines = day.lines();
            assertThat(day.badLines() / lines).as("bad share").isBetween(BAD_SHARE - 0.03, BAD_SHARE + 0.03);
            for (LineDefect defect : LineDefect.values()) {
                assertThat(kinds).containsKey("bad." + defect.code());
            }
            assertThat(kinds.get("device_profile") + profilesWithoutConsentOrMinors(day.day())).isEqualTo(DEVICES);
            double events = day.goodLines();
            assertThat(kinds.get("no_consent.disabled") / events).isBetween(0.005, 0.08);
            assertThat(kinds.get("no_consent.missing") / events).isBetween(0.002, 0.03);
            assertThat(kinds.get("minor") / events).isBetween(0.003, 0.06);
            assertThat(kinds.get("duplicate")).isBetween(1L, 40L);
            assertThat(kinds.get("app_session")).isGreaterThan(kinds.get("login"));
            assertThat(kinds.get("login")).isGreaterThan(kinds.get("download"));
        }
    }

    @Test
    void fieldNamesAreExactlyThoseOfTheTelemetryDocument() {
        Set<String> envelope = Set.of("schema", "event_id", "event_type", "device_id", "ts", "ip", "uep_enabled",
                "consent_version", "birth_year");
        Map<String, Set<String>> bodies = Map.of(
                "login", Set.of(),
                "download", Set.of("download.source", "download.app_id"),
                "app_session", Set.of("app.id", "app.version", "app.start", "app.exit"),
                "device_profile", Set.of("device.board_vendor", "device.board_model", "device.board_serial",
                        "device.bios_serial", "device.bios_vendor", "device.bios_version", "device.bios_date",
                        "device.cpu_vendor", "device.cpu_model", "device.cpu_cores", "device.memory_mb",
                        "device.disks[].model", "device.disks[].serial", "device.disks[].size_gb",
                        "device.disks[].type",
                        "device.partitions[].fs", "device.partitions[].size_gb", "device.partitions[].mount",
                        "device.nics[].vendor", "device.nics[].model", "device.nics[].mac",
                        "system.os_version", "system.edition", "system.kernel", "system.last_update",
                        "system.language", "system.timezone", "system.sound_theme", "system.power_mode",
                        "system.theme", "system.launcher_mode", "system.dock.mode", "system.dock.position",
                        "system.dock.hide_mode", "system.dock.size", "system.hot_corners.top_left",
                        "system.hot_corners.top_right", "system.hot_corners.bottom_left",
                        "system.hot_corners.bottom_right", "system.mouse.speed", "system.mouse.natural_scroll",
                        "system.mouse.left_handed", "system.mouse.double_click_ms", "system.wallpaper",
                        "system.hostname", "system.username"));
        LineClassifier classifier = new LineClassifier(DAYS.get(0), Catalogues.load());
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> seen = new TreeMap<>();
        for (byte[] line : lines(folder.resolve("main/landing/dt=" + DAYS.get(0)))) {
            if (classifier.classify(line).startsWith("bad.")) {
                continue;
            }
            JsonNode event = readTree(json, line);
            String type = event.get("event_type").asText();
            Set<String> fields = new TreeSet<>();
            flatten("", event, fields);
            Set<String> body = fields.stream().filter(field -> !envelope.contains(field)).collect(Collectors.toSet());
            assertThat(body).as(type).isEqualTo(bodies.get(type));
            assertThat(fields).as(type).contains("schema", "event_id", "event_type", "device_id", "ts", "ip",
                    "consent_version");
            seen.merge(type, 1, Integer::sum);
        }
        assertThat(seen).containsOnlyKeys(bodies.keySet());
    }

    @Test
    void sameSeedGivesTheSameBytesAndARerunReplacesTheDay() throws IOException {
        TelemetryGenerator twin = TelemetryGenerator.prepare(request("twin", SEED, config));
        twin.writeLanding(spark);
        assertSameParts("main", "twin");

        Path stray = Files.writeString(folder.resolve("twin/landing/dt=" + FIRST_DAY + "/part-00007.jsonl"), "{}\n");
        twin.writeLanding(spark);
        assertThat(stray).doesNotExist();
        assertSameParts("main", "twin");
    }

    @Test
    void anotherSeedGivesOtherData() {
        TelemetryGenerator.prepare(request("other-seed", SEED + 1, config)).writeLanding(spark);
        for (LocalDate day : DAYS) {
            assertThat(concatenated(folder.resolve("other-seed/landing/dt=" + day)))
                    .isNotEqualTo(concatenated(folder.resolve("main/landing/dt=" + day)));
        }
    }

    @Test
    void partitioningChangesTheFilesButNotTheLines() throws IOException {
        Path smallFiles = GenerateFixtures.config(folder, "  devices_per_file: 70\n");
        GenerationSummary split = TelemetryGenerator.prepare(request("split", SEED, smallFiles)).writeLanding(spark);
        assertThat(split.days().get(0).files()).hasSize(5);
        for (LocalDate day : DAYS) {
            assertThat(concatenated(folder.resolve("split/landing/dt=" + day)))
                    .isEqualTo(concatenated(folder.resolve("main/landing/dt=" + day)));
        }
    }

    @Test
    void everyPlantedValueIsInTheLandingDataOfItsDay() {
        for (LocalDate day : DAYS) {
            // Huge lines carry nothing planted and would make each search scan megabytes.
            String landing = lines(folder.resolve("main/landing/dt=" + day)).stream()
                    .filter(line -> line.length < LineDefect.HUGE_LINE_BYTES)
                    .map(line -> new String(line, StandardCharsets.UTF_8))
                    .collect(Collectors.joining("\n"));
            List<Row> planted = generator.plantedValues(spark, day).collectAsList();
            Set<String> kinds = new TreeSet<>();
            for (Row row : planted) {
                assertThat(row.getString(0)).isEqualTo(day.toString());
                assertThat(landing).as("planted %s", row.getString(2)).contains(row.getString(3));
                kinds.add(row.getString(2));
            }
            assertThat(kinds).containsExactlyInAnyOrderElementsOf(
                    Stream.of(PlantedKind.values()).map(PlantedKind::code).toList());
        }
    }

    private static GenerateRequest request(String out, long seed, Path config) {
        return GenerateFixtures.request(folder.resolve(out), FIRST_DAY, DAYS.size(), DEVICES, seed, BAD_SHARE, config);
    }

    /** Devices whose profile consent or age keeps out: with the accepted profiles, one per device. */
    private static long profilesWithoutConsentOrMinors(LocalDate day) {
        ObjectMapper json = new ObjectMapper();
        LineClassifier classifier = new LineClassifier(day, Catalogues.load());
        return lines(folder.resolve("main/landing/dt=" + day)).stream()
                .filter(line -> Set.of("no_consent.disabled", "no_consent.missing", "no_consent.outdated", "minor")
                        .contains(classifier.classify(line)))
                .map(line -> readTree(json, line))
                .filter(event -> event.get("event_type").asText().equals("device_profile"))
                // A child's spoiled profile is a minor's line too: count devices, not lines.
                .map(event -> event.get("device_id").asText()).distinct().count();
    }

    private static String unparseableAsOne(String kind) {
        return kind.equals("bad.malformed_json") || kind.equals("bad.truncated") ? LineClassifier.UNPARSEABLE : kind;
    }

    private static void assertSameParts(String left, String right) throws IOException {
        for (LocalDate day : DAYS) {
            Path leftDay = folder.resolve(left + "/landing/dt=" + day);
            Path rightDay = folder.resolve(right + "/landing/dt=" + day);
            assertThat(visibleFiles(rightDay)).isEqualTo(visibleFiles(leftDay));
            for (String part : visibleFiles(leftDay)) {
                if (part.endsWith(".jsonl")) {
                    assertThat(rightDay.resolve(part)).hasSameBinaryContentAs(leftDay.resolve(part));
                }
            }
        }
    }

    private static List<String> visibleFiles(Path dayFolder) {
        try (Stream<Path> files = Files.list(dayFolder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part files' bytes in part order. */
    private static byte[] concatenated(Path dayFolder) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : visibleFiles(dayFolder)) {
            if (name.endsWith(".jsonl")) {
                try {
                    all.writeBytes(Files.readAllBytes(dayFolder.resolve(name)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return all.toByteArray();
    }

    /** Lines as raw bytes: some are deliberately not UTF-8. */
    private static List<byte[]> lines(Path dayFolder) {
        byte[] all = concatenated(dayFolder);
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        assertThat(start).as("the last line ends with a newline").isEqualTo(all.length);
        return lines;
    }

    private static JsonNode readTree(ObjectMapper json, byte[] line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Set<String> fields) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name + ".", value, fields);
            } else if (value.isArray()) {
                value.forEach(element -> flatten(name + "[].", element, fields));
            } else {
                fields.add(name);
            }
        }
    }
}

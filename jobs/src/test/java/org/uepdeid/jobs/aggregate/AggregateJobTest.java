package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.aggregate.StagingDay.DAY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.testing.SparkTestSession;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * The aggregate job over one hand-made day of 13 devices with min_devices = 3, chosen so that each rule decides some
 * cell: the threshold, distinct devices, the bounds, local time, complementary suppression and suppressed classes.
 * The last two tests re-run the job and go last because they replace the outputs the others read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AggregateJobTest {

    static final int MIN_DEVICES = 3;
    static final AggregatesSection BOUNDS = new AggregatesSection(5, 100, 2, 4);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    static final String[] EAST_PRO = {"20.1070.*", "Professional", "East China", "Intel", "[8192, 16384)",
            "[256, 1024)", "zh"};
    static final String[] EAST_HOME = {"20.1070.*", "Home", "East China", "Intel", "[16384, 32768)",
            "[256, 1024)", "zh"};
    static final String[] NORTH_PRO = {"20.1060.*", "Professional", "North China", "AMD", "[8192, 16384)",
            "[256, 1024)", "zh"};
    static final String[] SUPPRESSED = {"*", "*", "*", "*", "*", "*", "*"};

    @TempDir
    static Path dataRoot;

    static SparkSession spark;
    static PipelineConfig config;
    static DataRoot root;
    static StagingDay day;
    static AggregateRun run;

    @BeforeAll
    static void aggregateOneDay() throws IOException {
        spark = SparkTestSession.get();
        PipelineConfig fixture = TelemetryFixtures.config(dataRoot);
        config = new PipelineConfig(fixture.dataRoot(), fixture.ipRegions(), fixture.childrenUpToAge(), MIN_DEVICES,
                fixture.anonymization(), BOUNDS, fixture.retention(), fixture.releases(), fixture.consent(),
                fixture.source());
        root = new DataRoot(config.dataRoot());
        day = new StagingDay();
        for (int device = 1; device <= 13; device++) {
            int n = device;
            day.profile(device, system -> {
                system.put("theme", n <= 8 ? "light" : n <= 11 ? "dark" : n == 12 ? "solarized" : null);
                system.put("sound_theme", n <= 10 ? "deepin" : null);
                system.put("hot_corners", n <= 2 ? Map.of("top_left", "launcher") : Map.of());
            });
        }
        IntStream.rangeClosed(1, 4).forEach(d -> day.deviceClass(d, false, EAST_PRO));
        IntStream.rangeClosed(5, 7).forEach(d -> day.deviceClass(d, false, EAST_HOME));
        IntStream.rangeClosed(8, 9).forEach(d -> day.deviceClass(d, false, NORTH_PRO));
        IntStream.rangeClosed(10, 12).forEach(d -> day.deviceClass(d, true, SUPPRESSED));
        // Suppressed, yet its row carries labels: it must still count under "*".
        day.deviceClass(13, true, EAST_PRO);

        IntStream.rangeClosed(1, 3).forEach(d -> day.appSessions(d, 1, "com.deepin.editor", "6.0.1", 20));
        day.appSessions(4, 30, "com.deepin.editor", "6.0.1", 60);
        IntStream.rangeClosed(5, 6).forEach(d -> day.appSessions(d, 1, "com.deepin.music", "1.0", 5));
        IntStream.rangeClosed(7, 9).forEach(d -> day.appSessions(d, 1, "com.deepin.terminal", "5.2", 10));

        day.logins(1, 5, "09:15", "+08:00").logins(2, 1, "09:15", "+08:00").logins(3, 1, "09:15", "+08:00");
        day.logins(5, 1, "09:40", "-05:00").logins(6, 1, "09:40", "-05:00").logins(7, 1, "09:05", "+05:45");
        IntStream.rangeClosed(9, 11).forEach(d -> day.logins(d, 1, "00:30", "+08:00"));
        day.logins(8, 100, "22:10", "+08:00");
        day.logins(12, 1, "03:00", "+08:00").logins(13, 1, "03:00", "+08:00");

        day.downloads(1, 6, "app-store").downloads(2, 1, "app-store").downloads(3, 1, "app-store");
        day.downloads(4, 100, "browser");
        day.downloads(5, 1, "cli").downloads(6, 1, "cli");

        day.write(spark, config);
        run = new AggregateJob(spark, config, CLOCK).run(DAY);
    }

    @Test
    void publishesEveryProduct() {
        assertThat(run.published()).containsOnlyKeys("os_adoption", "hardware_landscape", "app_usage",
                "login_patterns", "download_sources", "settings_popularity", "boards_and_bios", "storage_layout",
                "network_cards", "kernel_versions", "update_recency");
        assertThat(run.notPublished()).isEmpty();
    }

    @Test
    void aCellOfMinDevicesIsPublishedAndOneDeviceFewerIsNotButCounted() {
        // app-store: exactly 3 devices; cli: 2; browser: 1. Two cells below hold 3 devices: nothing more withheld.
        assertThat(cells("download_sources")).containsOnlyKeys("app-store");
        assertThat(cells("download_sources").get("app-store").<Long>getAs("devices")).isEqualTo(3);
        JsonNode privacy = run.published().get("download_sources").privacy();
        assertThat(privacy.path("suppressed_below_min_devices").asLong()).isEqualTo(2);
        assertThat(privacy.path("suppressed_complementary").asLong()).isZero();
        assertThat(privacy.path("published_cells").asLong()).isEqualTo(1);
    }

    @Test
    void aHundredEventsOfOneDeviceDoNotMakeACell() {
        assertThat(cells("download_sources")).doesNotContainKey("browser");
        assertThat(cells("login_patterns")).doesNotContainKey("Friday|22");
    }

    @Test
    void eachDevicesContributionIsBoundedBeforeSumming() {
        Row editor = cells("app_usage").get("com.deepin.editor|6.0.1");
        // Three devices with one 20-minute session; the fourth had 30 sessions of an hour, cut to 5 and 100 minutes.
        assertThat(editor.<Long>getAs("devices")).isEqualTo(4);
        assertThat(editor.<Long>getAs("sessions")).isEqualTo(3 + 5);
        assertThat(editor.<Double>getAs("usage_minutes")).isEqualTo(3 * 20.0 + 100.0);
        // 6 downloads of one device count as 4; 5 logins of one device in an hour as 2.
        assertThat(cells("download_sources").get("app-store").<Long>getAs("downloads")).isEqualTo(4 + 1 + 1);
        assertThat(cells("login_patterns").get("Friday|09").<Long>getAs("logins")).isEqualTo(2 + 1 + 1 + 3);
    }

    @Test
    void loginHoursAndWeekdaysAreInEachEventsOwnOffset() {
        Map<String, Row> logins = cells("login_patterns");

        // 09:15 +08:00, 09:40 -05:00 and 09:05 +05:45 are all nine o'clock locally; 00:30 +08:00 is still Friday.
        assertThat(logins).containsOnlyKeys("Friday|09", "Friday|00");
        assertThat(logins.get("Friday|09").<Long>getAs("devices")).isEqualTo(6);
        assertThat(logins.get("Friday|00").<Long>getAs("devices")).isEqualTo(3);
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestPublishedCellOfItsMarginWithIt() {
        // os_adoption: North China (2 devices) is below; Home (3) is withheld so that it cannot be had by subtraction.
        assertThat(cells("os_adoption")).containsOnlyKeys("20.1070.*|Professional|East China", "*|*|*");
        assertThat(run.published().get("os_adoption").privacy().path("suppressed_complementary").asLong()).isEqualTo(1);
        // app_usage: music (2 devices) is below; terminal (3) goes with it.
        assertThat(cells("app_usage")).containsOnlyKeys("com.deepin.editor|6.0.1");
        // settings: solarized and unset themes (1 + 1 devices) take dark (3) with them; other settings are untouched.
        assertThat(cells("settings_popularity").keySet()).filteredOn(k -> k.startsWith("theme|"))
                .containsExactly("theme|light");
        assertThat(cells("settings_popularity")).containsKeys("power_mode|balanced", "sound_theme|deepin")
                .doesNotContainKey("hot_corners.top_left|launcher");
        JsonNode settings = run.published().get("settings_popularity").privacy();
        assertThat(settings.path("suppressed_below_min_devices").asLong()).isEqualTo(3);
        assertThat(settings.path("suppressed_complementary").asLong()).isEqualTo(1);
    }

    @Test
    void suppressedDevicesCountUnderStarWhateverTheirLabels() {
        Map<String, Row> os = cells("os_adoption");

        assertThat(os.get("*|*|*").<Long>getAs("devices")).isEqualTo(4);
        assertThat(os.get("20.1070.*|Professional|East China").<Long>getAs("devices")).isEqualTo(4);
        assertThat(cells("hardware_landscape")).containsKey("*|*|*");
    }

    @Test
    void boardsAndBiosCountDevicesByVendorsAndTheBiosReleaseYear() {
        Map<String, Row> boards = cells("boards_and_bios");

        assertThat(boards.keySet()).containsExactly("LENOVO|*|2023");
        assertThat(boards.get("LENOVO|*|2023").<Long>getAs("devices"))
                .isEqualTo(cells("settings_popularity").get("dock.position|bottom").<Long>getAs("devices"));
    }

    @Test
    void settingsAreExplodedAndAnUnsetValueIsStar() {
        Map<String, Row> settings = cells("settings_popularity");

        assertThat(settings.keySet()).containsExactlyInAnyOrder("theme|light", "sound_theme|deepin", "sound_theme|*",
                "power_mode|balanced", "launcher_mode|fullscreen", "wallpaper_category|builtin",
                "dock.position|bottom", "dock.size|48", "mouse.speed|5");
        assertThat(settings.get("sound_theme|*").<Long>getAs("devices")).isEqualTo(3);
        assertThat(settings.get("dock.position|bottom").<Long>getAs("devices")).isEqualTo(13);
    }

    @Test
    void eachManifestDeclaresTheSchemaThresholdBoundsAndCounts() throws IOException {
        for (String product : run.published().keySet()) {
            RunManifest manifest = new ManifestFile(new Configuration()).read(root.publishedStats(product, DAY));
            Dataset<Row> published = spark.read().parquet(root.publishedStats(product, DAY).toString());

            assertThat(manifest).as(product).isEqualTo(run.published().get(product));
            assertThat(manifest.job()).isEqualTo("aggregate");
            assertThat(declaredSchema(manifest)).as(product).isEqualTo(Arrays.stream(published.schema().fields())
                    .map(f -> f.name() + ":" + f.dataType().simpleString()).toList());
            assertThat(manifest.privacy().path("min_devices").asInt()).isEqualTo(MIN_DEVICES);
            assertThat(manifest.outputs().get(0).rows()).isEqualTo(published.count())
                    .isEqualTo(manifest.privacy().path("published_cells").asLong());
            assertThat(published.filter("devices < " + MIN_DEVICES).count()).as(product).isZero();
        }
        RunManifest apps = run.published().get("app_usage");
        assertThat(declaredSchema(apps)).containsExactly("app_id:string", "app_version:string", "devices:bigint",
                "sessions:bigint", "usage_minutes:double");
        assertThat(apps.privacy().path("contribution_bounds").path("sessions").asLong()).isEqualTo(5);
        assertThat(apps.privacy().path("contribution_bounds").path("usage_minutes").asLong()).isEqualTo(100);
        assertThat(apps.inputs().get(0).path()).endsWith("staging/events/dt=" + DAY);
        assertThat(run.published().get("os_adoption").privacy().path("suppressed_cells").asLong()).isEqualTo(2);
    }

    @Test
    void noPseudonymReachesAnyPublishedFile() throws IOException {
        List<String> pseudonyms = IntStream.rangeClosed(1, 13).mapToObj(StagingDay::pseudonym).toList();
        List<String> prefixes = pseudonyms.stream().map(p -> p.substring(0, 8)).toList();

        String contents = publishedText();

        assertThat(contents).contains("com.deepin.editor").doesNotContain(pseudonyms).doesNotContain(prefixes);
        try (Stream<Path> files = Files.walk(dataRoot.resolve("published")).filter(Files::isRegularFile)) {
            for (Path file : files.toList()) {
                // Raw bytes too, Parquet footers included: a pseudonym must not hide in metadata either.
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(pseudonyms).doesNotContain(prefixes);
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void aRerunReplacesEachProductWithTheSameFigures() throws IOException {
        String before = publishedText();

        AggregateRun again = new AggregateJob(spark, config, CLOCK).run(DAY);

        assertThat(publishedText()).isEqualTo(before.replace(runId(run), runId(again)));
        try (Stream<Path> files = Files.walk(dataRoot.resolve("published"))) {
            assertThat(files.map(f -> f.getFileName().toString())).as("staging leftovers")
                    .noneMatch(n -> n.startsWith("_staging"));
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aProductWhoseDimensionIsNoQuasiIdentifierIsWithdrawnNotBuiltFromRawValues() throws IOException {
        day.writeClasses(spark, root, List.of("os_version", "edition", "region", "cpu_family", "memory_mb"));

        AggregateRun withoutDisks = new AggregateJob(spark, config, CLOCK).run(DAY);

        assertThat(withoutDisks.notPublished()).containsOnlyKeys("hardware_landscape");
        assertThat(withoutDisks.notPublished().get("hardware_landscape")).contains("disk_total_gb",
                "staging/classes/dt=" + DAY);
        assertThat(dataRoot.resolve("published/stats/hardware_landscape/dt=" + DAY)).doesNotExist();
        assertThat(withoutDisks.published()).containsKey("os_adoption");
    }

    /** A product's published cells by their labels joined with "|". */
    private static Map<String, Row> cells(String product) {
        StatsProduct definition = StatsProducts.all(BOUNDS).stream().filter(p -> p.name().equals(product))
                .findFirst().orElseThrow();
        return spark.read().parquet(root.publishedStats(product, DAY).toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> definition.dimensions().stream().map(d -> r.<String>getAs(d))
                        .collect(Collectors.joining("|")), r -> r, (a, b) -> a, TreeMap::new));
    }

    private static List<String> declaredSchema(RunManifest manifest) {
        JsonNode schema = manifest.extra().get("schema");
        return IntStream.range(0, schema.size())
                .mapToObj(i -> schema.get(i).path("name").asText() + ":" + schema.get(i).path("type").asText())
                .toList();
    }

    /** Everything under published/: Parquet files as the JSON of their rows, other files as text. */
    private static String publishedText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dataRoot.resolve("published")).filter(Files::isRegularFile).sorted()) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(".parquet")) {
                    spark.read().parquet(file.toString()).toJSON().collectAsList().forEach(text::append);
                } else if (!file.getFileName().toString().endsWith(".crc")) {
                    text.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }

    private static String runId(AggregateRun aggregateRun) {
        return aggregateRun.published().values().iterator().next().runId();
    }
}

package org.uepdeid.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.aggregate.AggregateRun;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.FileDigests;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.release.ReleaseRecord;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * The pipeline end to end on generated telemetry with planted personal data, with the repository's own config:
 * nothing personal survives into published/, the microdata is k-anonymous by a check that does not use the engine,
 * every record is accounted for, and a re-run gives the same release.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String MICRODATA_FOLDER = "published/microdata/device_profiles/dt=" + DAY;

    private SparkSession spark;
    private PipelineConfig config;
    private DataRoot root;
    private TelemetryGenerator generator;
    private RunManifest ingest;
    private RunManifest profile;
    private RunManifest anonymize;
    private AggregateRun aggregate;
    private DailyRun.Result day;

    @BeforeAll
    void runThePipelineOnceOnGeneratedTelemetry(@TempDir Path dir) throws IOException {
        spark = SparkTestSession.get();
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path generatorConfig = dir.resolve("generate.yaml");
        Files.writeString(generatorConfig, "generate:\n  ip_regions: " + repo.resolve("jobs-config/ip-regions.csv") + "\n");
        Path data = dir.resolve("data");
        generator = TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY, 1, 600, 11, 0.02,
                Optional.of(generatorConfig), Optional.empty()));
        generator.writeLanding(spark);
        config = new PipelineConfigReader().read(repo.resolve("jobs-config/pipeline.yaml"))
                .withDataRoot(data.toUri());
        root = new DataRoot(config.dataRoot());
        day = runTheDay();
        ingest = day.ingest();
        profile = day.profile();
        anonymize = day.anonymize();
        aggregate = day.aggregate();
    }

    private DailyRun.Result runTheDay() throws IOException {
        DailyRun.Outcome outcome = runTheDay(null);
        assertThat(outcome).isInstanceOf(DailyRun.Published.class);
        return ((DailyRun.Published) outcome).result();
    }

    private DailyRun.Outcome runTheDay(String replaceReason) throws IOException {
        return new DailyRun(spark, config, PseudonymKey.demo(), Clock.systemUTC()).run(DAY, replaceReason);
    }

    @Test
    void noPlantedPersonalValueAndNoPseudonymReachesAnyPublishedFile() throws IOException {
        Set<String> planted = new HashSet<>(generator.plantedValues(spark, DAY).select("value")
                .as(Encoders.STRING()).collectAsList());
        planted.addAll(generator.plantedValues(spark, DAY).select("device_id").as(Encoders.STRING()).collectAsList());
        assertThat(planted).as("the generator planted personal data to look for").hasSizeGreaterThan(600);
        Set<String> pseudonyms = new HashSet<>(spark.read().parquet(root.stagingEvents(DAY).toString())
                .select("device_pseudonym").distinct().as(Encoders.STRING()).collectAsList());

        Set<String> publishedValues = new HashSet<>();
        Path published = Path.of(root.path().toUri()).resolve("published");
        for (Path folder : parquetFolders(published)) {
            Dataset<Row> table = spark.read().parquet(folder.toString());
            for (String column : table.columns()) {
                publishedValues.addAll(table.select(col(column).cast("string")).distinct()
                        .as(Encoders.STRING()).collectAsList());
            }
        }
        assertThat(publishedValues).as("published values").isNotEmpty().doesNotContainAnyElementsOf(planted)
                .doesNotContainAnyElementsOf(pseudonyms);
        for (Path manifest : files(published, "_manifest.json")) {
            String text = Files.readString(manifest, StandardCharsets.UTF_8);
            assertThat(planted).as("planted values in %s", manifest).noneMatch(text::contains);
            assertThat(pseudonyms).as("pseudonyms in %s", manifest).noneMatch(text::contains);
        }
    }

    @Test
    void publishedMicrodataIsKAnonymousByAnIndependentGroupBy() throws IOException {
        PolicySpec policy = config.anonymization().policy();
        int k = ((KAnonymity) policy.models().get(0).build()).k();
        List<String> qis = policy.quasiIdentifierNames();
        spark.read().parquet(root.publishedDeviceProfiles(DAY).toString()).createOrReplaceTempView("microdata");
        String columns = String.join(", ", qis.stream().map(q -> "`" + q + "`").toList());
        String allSuppressed = String.join(" AND ", qis.stream().map(q -> "`" + q + "` = '*'").toList());
        Row smallest = spark.sql("SELECT min(n), count(*) FROM (SELECT " + columns + ", count(*) n FROM microdata "
                + "WHERE NOT (" + allSuppressed + ") GROUP BY " + columns + ")").first();
        assertThat(smallest.getLong(0)).as("smallest class").isGreaterThanOrEqualTo(k);
        long suppressed = spark.sql("SELECT count(*) FROM microdata WHERE " + allSuppressed).first().getLong(0);
        long rows = spark.sql("SELECT count(*) FROM microdata").first().getLong(0);
        assertThat((double) suppressed / rows).as("suppressed share")
                .isLessThanOrEqualTo(policy.suppressionLimit());
        assertThat(anonymize.privacy().get("min_class_size").asLong()).isEqualTo(smallest.getLong(0));
    }

    @Test
    void everyInputLineAndEveryDeviceIsAccountedFor() {
        for (RunManifest m : List.of(ingest, profile, anonymize)) {
            assertThat(m.accounting().balanced()).as("%s accounting %s", m.job(), m.accounting()).isTrue();
        }
        assertThat(aggregate.published()).as("statistics products published").isNotEmpty();
        assertThat(ingest.accounting().quarantinedTotal()).as("bad lines were planted").isPositive();
        assertThat(ingest.accounting().noConsent()).isPositive();
        assertThat(ingest.accounting().minors()).isPositive();
        assertThat(ingest.accounting().duplicates()).isPositive();
        assertThat(anonymize.accounting().inputLines()).isEqualTo(profile.outputs().get(0).rows());
    }

    @Test
    void eventsWithoutConsentFromMinorsOrDuplicatedNeverReachStaging() throws IOException {
        Dataset<Row> landing = spark.read().text(root.landing(DAY).toString());
        Dataset<Row> parsed = landing.select(
                org.apache.spark.sql.functions.get_json_object(col("value"), "$.event_id").as("event_id"),
                org.apache.spark.sql.functions.get_json_object(col("value"), "$.uep_enabled").as("consent"),
                org.apache.spark.sql.functions.get_json_object(col("value"), "$.birth_year").cast("int").as("born"));
        Set<String> excluded = new HashSet<>(parsed.filter(col("event_id").isNotNull().and(
                        col("consent").isNull().or(col("consent").notEqual("true"))
                                .or(col("born").gt(DAY.getYear() - 14))))
                .select("event_id").as(Encoders.STRING()).collectAsList());
        assertThat(excluded).as("the generator wrote such events").isNotEmpty();
        Dataset<Row> staged = spark.read().parquet(root.stagingEvents(DAY).toString());
        List<String> stagedIds = staged.select("event_id").as(Encoders.STRING()).collectAsList();
        assertThat(stagedIds).doesNotContainAnyElementsOf(excluded);
        assertThat(new HashSet<>(stagedIds)).as("no event_id twice").hasSize(stagedIds.size());
    }

    @Test
    void everyStageIsTimedWithTheRowsItRead() {
        assertThat(day.stages()).extracting(DailyRun.StageTime::stage)
                .containsExactly("ingest", "profile", "anonymize", "aggregate", "verify");
        assertThat(day.stages()).extracting(DailyRun.StageTime::inputRows).containsExactly(
                ingest.accounting().inputLines(), ingest.accounting().accepted(), anonymize.accounting().inputLines(),
                ingest.accounting().accepted(), anonymize.outputs().get(0).rows());
        assertThat(day.stages()).allSatisfy(s -> assertThat(s.wall()).isPositive());
        assertThat(day.verification().passed()).isTrue();
    }

    @Test
    void aPublishedDayIsImmutableAndAReplacementIsASecondReleaseOfTheSameRows() throws IOException {
        Path published = Path.of(root.path().toUri()).resolve("published");
        ReleaseLog log = new ReleaseLog(root, spark.sparkContext().hadoopConfiguration());
        ReleaseRecord first = log.standing(DAY).orElseThrow();
        Map<Path, String> bytes = digests(published);
        Map<Path, List<String>> rows = publishedRows(published);
        assertThat(rows.keySet()).as("microdata and statistics folders").hasSizeGreaterThan(1);

        // A scheduler's retry: the day stands as it is, byte for byte.
        DailyRun.Outcome retry = runTheDay(null);
        assertThat(retry).isInstanceOf(DailyRun.AlreadyPublished.class);
        assertThat(((DailyRun.AlreadyPublished) retry).standing()).isEqualTo(first);
        assertThat(digests(published)).isEqualTo(bytes);

        // A replacement of unchanged data: no class or cell changes, so it passes; it supersedes the first release.
        DailyRun.Outcome replaced = runTheDay("re-run, nothing changed");
        assertThat(replaced).isInstanceOf(DailyRun.Published.class);
        ReleaseRecord second = ((DailyRun.Published) replaced).result().release();
        assertThat(second.id()).isEqualTo(first.id().next());
        assertThat(second.supersedes()).isEqualTo(first.id());
        assertThat(log.history(DAY)).containsExactly(first, second);
        Map<Path, List<String>> after = publishedRows(published);
        assertThat(after.keySet()).as("the same outputs").isEqualTo(rows.keySet());
        // The repository's statistics are differentially private: a replacement draws fresh noise, charged again.
        rows.keySet().stream().filter(folder -> folder.toString().contains("/microdata/")).forEach(folder ->
                assertThat(after.get(folder)).as("the same microdata rows, in the same order")
                        .isEqualTo(rows.get(folder)));
        for (Path folder : rows.keySet()) {
            assertThat(files(folder.getParent(), "_manifest.json"))
                    .as("one manifest under %s, no leftovers of the replaced release", folder.getParent()).hasSize(1);
        }
        JsonNode notice = new JsonMapper().readTree(published.resolve("_retractions/" + first.id() + ".json")
                .toFile());
        assertThat(notice.get("superseded_by").asText()).isEqualTo(second.id().toString());
        assertThat(notice.get("reason").asText()).isEqualTo("re-run, nothing changed");
        List<String> retractedFiles = new ArrayList<>();
        notice.get("delete").forEach(o -> o.get("files").forEach(f -> retractedFiles.add(o.get("path").asText()
                + "/" + f.get("name").asText() + " " + f.get("sha256").asText())));
        assertThat(retractedFiles).as("every file of the first release, to delete")
                .hasSize(first.outputs().stream().mapToInt(o -> o.files().size()).sum())
                .anyMatch(f -> f.startsWith(MICRODATA_FOLDER + "/part-"));
    }

    /** Every file under {@code folder} (checksum side files aside) with its SHA-256. */
    private Map<Path, String> digests(Path folder) throws IOException {
        FileDigests digests = new FileDigests(spark.sparkContext().hadoopConfiguration());
        Map<Path, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                sums.put(folder.relativize(file), digests.sha256(new org.apache.hadoop.fs.Path(file.toUri())));
            }
        }
        return sums;
    }

    private Map<Path, List<String>> publishedRows(Path published) throws IOException {
        Map<Path, List<String>> rows = new TreeMap<>();
        for (Path folder : parquetFolders(published)) {
            rows.put(folder, sortedRows(folder.toString()));
        }
        return rows;
    }

    private List<String> sortedRows(String path) {
        Dataset<Row> table = spark.read().parquet(path);
        Column[] columns = Stream.of(table.columns()).map(c -> col(c).cast("string")).toArray(Column[]::new);
        List<String> rows = new ArrayList<>(table.select(org.apache.spark.sql.functions.concat_ws("|", columns))
                .as(Encoders.STRING()).collectAsList());
        rows.sort(null);
        return rows;
    }

    private static List<Path> parquetFolders(Path under) throws IOException {
        try (Stream<Path> files = Files.walk(under)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).map(Path::getParent).distinct().toList();
        }
    }

    private static List<Path> files(Path under, String name) throws IOException {
        try (Stream<Path> files = Files.walk(under)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).toList();
        }
    }
}

package org.uepdeid.jobs.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.aggregate.AggregateJob;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.cli.UepDeid;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.PublishedOrder;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.testing.RepoConfig;

/**
 * A day released by the real pipeline on generated telemetry with planted personal data (ingest, profile, anonymize,
 * aggregate, with the repository's config but exact statistics, whose threshold checks these tests attack; the
 * differentially private ones are {@code DifferentialPrivacyReleaseTest}'s), and the tampering the tests apply to
 * copies of it.
 */
final class PublishedDay implements AutoCloseable {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path CONFIG = RepoConfig.exactStatistics();
    static final String MICRODATA = "published/microdata/device_profiles/dt=" + DAY;
    static final String STATS = "published/stats/os_adoption/dt=" + DAY;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final SparkSession spark;
    private final Path base;
    private final Path data;
    private final TelemetryGenerator generator;

    private PublishedDay(SparkSession spark, Path base, Path data, TelemetryGenerator generator) {
        this.spark = spark;
        this.base = base;
        this.data = data;
        this.generator = generator;
    }

    /**
     * Generates {@code devices} devices' telemetry under {@code dir/data} and runs the pipeline up to aggregate;
     * closing the day deletes {@code dir}.
     */
    static PublishedDay release(SparkSession spark, Path dir, int devices) throws IOException {
        Path generatorConfig = dir.resolve("generate.yaml");
        Files.writeString(generatorConfig, "generate:\n  ip_regions: " + REPO.resolve("jobs-config/ip-regions.csv")
                + "\n");
        Path data = dir.resolve("data");
        TelemetryGenerator generator = TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY, 1, devices,
                11, 0.02, Optional.of(generatorConfig), Optional.empty()));
        generator.writeLanding(spark);
        PipelineConfig config = config(data);
        Clock clock = Clock.systemUTC();
        new IngestJob(spark, config, PseudonymKey.demo(), clock).run(DAY);
        new ProfileJob(spark, config, clock).run(DAY);
        new AnonymizeJob(spark, config, clock).run(DAY);
        new AggregateJob(spark, config, clock).run(DAY);
        return new PublishedDay(spark, dir, data, generator);
    }

    @Override
    public void close() throws IOException {
        deleteTree(base);
    }

    static PipelineConfig config(Path data) {
        return new PipelineConfigReader().read(CONFIG).withDataRoot(data.toUri());
    }

    /** A copy of the released day's data root, for one test to tamper with. */
    Path copy(Path into) {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path source : files.toList()) {
                Path target = into.resolve(data.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path data() {
        return data;
    }

    /** Runs {@code uep-deid verify --date DAY} on a data root; returns the exit code. */
    static int verifyDay(Path dataRoot) {
        return UepDeid.commandLine().execute("verify", "--date", DAY.toString(), "--config", CONFIG.toString(),
                "--data-root", dataRoot.toString());
    }

    /**
     * Runs {@code uep-deid verify PATH} on one published folder of a data root ({@code published/...}); returns the
     * exit code. Every check measures one output against the day's staging, so the folder's results are the ones a
     * verify of the whole day would give it.
     */
    static int verifyFolder(Path dataRoot, String folder) {
        return UepDeid.commandLine().execute("verify", dataRoot.resolve(folder).toString(), "--config",
                CONFIG.toString(), "--data-root", dataRoot.toString());
    }

    /** The day's report, {@code compliance.json}. */
    static JsonNode compliance(Path dataRoot) throws IOException {
        return JSON.readTree(report(dataRoot).toFile());
    }

    /** The report of {@link #verifyFolder} on {@code folder}. */
    static JsonNode compliance(Path dataRoot, String folder) throws IOException {
        return JSON.readTree(report(dataRoot, folder).toFile());
    }

    static Path report(Path dataRoot) {
        return dataRoot.resolve("reports/dt=" + DAY + "/compliance.json");
    }

    /** Where {@code verify PATH} writes a folder's report: {@code compliance-<kind>.<name>.json} beside the day's. */
    static Path report(Path dataRoot, String folder) {
        String target = folder.substring("published/".length(), folder.lastIndexOf("/dt="));
        return dataRoot.resolve("reports/dt=" + DAY + "/compliance-" + target.replace('/', '.') + ".json");
    }

    /** The results of one check in a report. */
    static List<JsonNode> results(JsonNode compliance, String name) {
        List<JsonNode> results = new ArrayList<>();
        compliance.get("checks").forEach(c -> {
            if (c.get("name").asText().equals(name)) {
                results.add(c);
            }
        });
        return results;
    }

    /** The names of the checks that failed. */
    static Set<String> failed(JsonNode compliance) {
        Set<String> failed = new HashSet<>();
        compliance.get("checks").forEach(c -> {
            if (!c.get("passed").asBoolean()) {
                failed.add(c.get("name").asText());
            }
        });
        return failed;
    }

    /** Every value the report must not contain: pseudonyms, raw device ids and planted personal data of the day. */
    Set<String> secrets() {
        Set<String> secrets = new HashSet<>(spark.read().parquet(data.resolve("staging/events/dt=" + DAY).toString())
                .select("device_pseudonym").distinct().as(Encoders.STRING()).collectAsList());
        Dataset<Row> planted = generator.plantedValues(spark, DAY);
        secrets.addAll(planted.select("value").as(Encoders.STRING()).collectAsList());
        secrets.addAll(planted.select("device_id").as(Encoders.STRING()).collectAsList());
        return secrets;
    }

    /** One device pseudonym of the day, to plant in a published column. */
    String aPseudonym() {
        return spark.read().parquet(data.resolve("staging/events/dt=" + DAY).toString()).select("device_pseudonym")
                .as(Encoders.STRING()).first();
    }

    /**
     * Rewrites the Parquet of a published folder of a copied data root, its rows in the published order; the manifest
     * stays as it was.
     */
    void rewrite(Path dataRoot, String folder, UnaryOperator<Dataset<Row>> edit) throws IOException {
        Dataset<Row> edited = edit.apply(spark.read().parquet(dataRoot.resolve(folder).toString()));
        replaceRows(dataRoot, folder, PublishedOrder.sorted(edited, 1));
    }

    /** Replaces the Parquet of a published folder of a copied data root by {@code rows}, in their order, in one file. */
    void replaceRows(Path dataRoot, String folder, Dataset<Row> rows) throws IOException {
        Path target = dataRoot.resolve(folder);
        Path edited = dataRoot.resolve("edited-" + System.nanoTime());
        rows.coalesce(1).write().parquet(edited.toString());
        try (Stream<Path> old = Files.list(target)) {
            for (Path file : old.filter(f -> !f.getFileName().toString().equals(RunManifest.FILE_NAME)).toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> fresh = Files.list(edited)) {
            for (Path file : fresh.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(file, target.resolve(file.getFileName()));
            }
        }
        deleteTree(edited);
    }

    /** Edits the manifest of a published folder of a copied data root as plain JSON, as a tamperer could. */
    static void editManifest(Path dataRoot, String folder, Consumer<ObjectNode> edit) throws IOException {
        Path file = dataRoot.resolve(folder).resolve(RunManifest.FILE_NAME);
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(manifest);
        Files.writeString(file, JSON.writeValueAsString(manifest));
        Files.deleteIfExists(file.resolveSibling("." + RunManifest.FILE_NAME + ".crc"));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return; // already gone (a CI run's clean-up of the temp folder, say): nothing left to delete
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

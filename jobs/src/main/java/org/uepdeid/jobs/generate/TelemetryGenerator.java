package org.uepdeid.jobs.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import scala.Tuple2;

/**
 * The {@code generate} job: writes synthetic UEP telemetry as JSON Lines under {@code <out>/landing/dt=<day>/}
 * for each requested day, and can list the personal values it planted. Every line is a pure function of
 * (seed, device index, day, event index), so a re-run writes the same bytes and replaces the day's folder.
 */
public final class TelemetryGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryGenerator.class);

    private final GenerateRequest request;
    private final GeneratorConfig config;
    private final Population population;
    private final String configSha256;

    private TelemetryGenerator(GenerateRequest request, GeneratorConfig config, Population population,
                               String configSha256) {
        this.request = request;
        this.config = config;
        this.population = population;
        this.configSha256 = configSha256;
    }

    /**
     * Loads the config, the IP-region table and the catalogues; needs no Spark, so bad input fails fast.
     *
     * @throws ConfigException naming the file and value when the config or the IP table is unusable
     */
    public static TelemetryGenerator prepare(GenerateRequest request) {
        request.plantedPii().map(file -> file.toAbsolutePath().getParent()).filter(folder -> !Files.isDirectory(folder))
                .ifPresent(folder -> {
                    throw new ConfigException("--planted-pii: folder " + folder + " does not exist");
                });
        GeneratorConfig config = request.config().map(GeneratorConfig::read).orElse(GeneratorConfig.DEFAULT);
        IpRegionTable ipRegions;
        try {
            ipRegions = IpRegionTable.load(config.ipRegions().toUri(), new Configuration());
        } catch (ConfigException e) {
            String hint = config.usesDefaultIpRegions()
                    ? " (run from the repository root, or set generate.ip_regions in a --config file)"
                    : "";
            throw new ConfigException(e.getMessage() + hint, e);
        }
        Population population = new Population(request.seed(), config.shares(), request.badShare(),
                Catalogues.load(), ipRegions);
        return new TelemetryGenerator(request, config, population, configSha256(request, config));
    }

    /** Writes every requested day's landing folder (and the planted values, when asked); returns what it wrote. */
    public GenerationSummary writeLanding(SparkSession spark) {
        LandingFolder landing = new LandingFolder(request.out(), spark.sparkContext().hadoopConfiguration());
        String runId = UUID.randomUUID().toString();
        List<DaySummary> days = new ArrayList<>();
        for (LocalDate day : request.daysToGenerate()) {
            days.add(writeDay(spark, landing, day, runId));
        }
        request.plantedPii().ifPresent(file -> writePlantedValues(spark, file));
        return new GenerationSummary(request.devices(), request.seed(), request.badShare(), days);
    }

    /**
     * The personal values planted in {@code day}'s landing lines, as rows (dt, device_id, kind, value): what
     * end-to-end tests search the published outputs for. Personal data: keep it out of logs and releases.
     */
    public Dataset<Row> plantedValues(SparkSession spark, LocalDate day) {
        return deviceIndexes(spark)
                .mapPartitions(new PlantedValueRows(population, day),
                        Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.STRING()))
                .toDF("device_id", "kind", "value")
                .select(lit(day.toString()).as("dt"), col("device_id"), col("kind"), col("value"));
    }

    private DaySummary writeDay(SparkSession spark, LandingFolder landing, LocalDate day, String runId) {
        long started = System.nanoTime();
        LOG.info("dt={}: generating {} devices into {} file(s)", day, request.devices(), partitions());
        SortedMap<String, Long> counts = countLines(spark, day);
        LOG.info("dt={}: planned {} lines, writing", day, counts.values().stream().mapToLong(Long::longValue).sum());
        Path staging = landing.stagingFolder(day, runId);
        try {
            deviceIndexes(spark)
                    .mapPartitions(new LandingLines(population, day), Encoders.BINARY())
                    .toDF("line")
                    // Binary to string keeps the bytes as they are, so invalid UTF-8 lines stay invalid on disk.
                    .select(col("line").cast("string").as("value"))
                    .write().option("compression", "none").text(staging.toString());
            List<String> files = landing.renamePartFiles(staging);
            Path target = landing.dayFolder(day);
            DaySummary summary = new DaySummary(day, target.toString(), files, counts,
                    Duration.ofNanos(System.nanoTime() - started));
            landing.writeText(new Path(staging, "_manifest.json"),
                    LandingManifest.json(runId, configSha256, request, config, population.ipRegions().blocks().size(),
                            summary));
            landing.replace(staging, target);
            LOG.info("dt={}: wrote {} lines ({} bad) in {} s", day, summary.lines(), summary.badLines(),
                    summary.elapsed().toSeconds());
            return summary;
        } catch (RuntimeException e) {
            landing.deleteQuietly(staging);
            throw e;
        }
    }

    private SortedMap<String, Long> countLines(SparkSession spark, LocalDate day) {
        List<Tuple2<String, Long>> partitionCounts = deviceIndexes(spark)
                .mapPartitions(new LineKindCounts(population, day), Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
                .collectAsList();
        SortedMap<String, Long> byKind = new TreeMap<>();
        partitionCounts.forEach(count -> byKind.merge(count._1(), count._2(), Long::sum));
        return byKind;
    }

    private void writePlantedValues(SparkSession spark, java.nio.file.Path file) {
        long written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("dt\tdevice_id\tkind\tvalue\n");
            for (LocalDate day : request.daysToGenerate()) {
                for (Iterator<Row> rows = plantedValues(spark, day).toLocalIterator(); rows.hasNext(); written++) {
                    Row row = rows.next();
                    writer.write(row.getString(0) + "\t" + row.getString(1) + "\t" + row.getString(2) + "\t"
                            + row.getString(3) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --planted-pii " + file, e);
        }
        LOG.info("planted values: {} rows written to the --planted-pii file", written);
    }

    /** Contiguous device ranges, one a file, fixed by the device count alone: same files on any cluster. */
    private Dataset<Long> deviceIndexes(SparkSession spark) {
        return spark.range(0, request.devices(), 1, partitions());
    }

    private int partitions() {
        return (int) Math.max(1, (request.devices() + config.devicesPerFile() - 1) / config.devicesPerFile());
    }

    /** SHA-256 over the YAML config given (if any) and the IP table it points to: what the output depends on. */
    private static String configSha256(GenerateRequest request, GeneratorConfig config) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (request.config().isPresent()) {
                digest.update(Files.readAllBytes(request.config().get()));
            }
            digest.update(Files.readAllBytes(config.ipRegions()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config to hash it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

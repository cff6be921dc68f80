package org.uepdeid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.run.DailyRun;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times each stage of a day's run on generated telemetry, and in the same session a bare Spark copy of the same
 * inputs (landing text, landing JSON to Parquet, profile Parquet) as the baselines; prints rows/s and the ratios. Run by
 * {@code scripts/bench.sh pipeline}.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Benchmarks the pipeline stages against a bare Spark copy (see scripts/bench.sh).")
public final class PipelineBenchmark implements Callable<Integer> {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Option(names = "--devices", defaultValue = "100000", description = "devices to generate (default: ${DEFAULT-VALUE})")
    long devices;

    @Option(names = "--work-dir", description = "where to put the data (default: a new temporary folder)")
    Path workDir;

    @Option(names = "--config", defaultValue = JobOptions.DEFAULT_CONFIG, description = "pipeline config")
    Path configFile;

    @Override
    public Integer call() throws IOException {
        Path dir = workDir != null ? workDir : Files.createTempDirectory("uep-deid-bench");
        Path data = dir.resolve("data");
        SparkSession spark = SparkSessions.getOrCreate("uep-deid bench-pipeline");
        PipelineConfig config = JobOptions.load(configFile, data.toAbsolutePath().toString());
        DataRoot root = new DataRoot(config.dataRoot());
        long t0 = System.nanoTime();
        TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY, 1, devices, 1, 0.01, Optional.empty(),
                Optional.empty())).writeLanding(spark);
        System.out.printf("generated %,d devices in %.1f s (not part of the run)%n", devices, seconds(t0));

        if (!(new DailyRun(spark, config, PseudonymKey.demo(), Clock.systemUTC()).run(DAY, null)
                instanceof DailyRun.Published published)) {
            throw new ConfigException("--work-dir " + dir + " holds a release of " + DAY + " already; pass an empty "
                    + "--work-dir");
        }
        DailyRun.Result day = published.result();
        double run = day.total().toNanos() / 1e9;

        long start = System.nanoTime();
        spark.read().text(root.landing(DAY).toString()).write().mode("overwrite").text(dir.resolve("copy-landing").toString());
        double textCopy = seconds(start);
        // The least any pipeline over this input must do: parse the JSON (inferring its schema) and write Parquet.
        start = System.nanoTime();
        spark.read().json(root.landing(DAY).toString()).write().mode("overwrite")
                .parquet(dir.resolve("copy-landing-parquet").toString());
        double jsonToParquet = seconds(start);
        start = System.nanoTime();
        spark.read().parquet(root.stagingProfiles(DAY).toString()).write().mode("overwrite")
                .parquet(dir.resolve("copy-profiles").toString());
        double profilesCopy = seconds(start);

        System.out.printf("%n%-10s %10s %14s %12s%n", "stage", "seconds", "input rows", "rows/s");
        for (DailyRun.StageTime s : day.stages()) {
            double seconds = s.wall().toNanos() / 1e9;
            System.out.printf("%-10s %10.1f %,14d %,12.0f%n", s.stage(), seconds, s.inputRows(), s.inputRows() / seconds);
        }
        System.out.printf("%-10s %10.1f%n", "run", run);
        System.out.printf("%nbaselines on the same data, same session:%n");
        System.out.printf("  landing text -> text:          %6.1f s -> run / copy = %.2f%n", textCopy, run / textCopy);
        System.out.printf("  landing JSON -> Parquet:       %6.1f s -> run / copy = %.2f, ingest / copy = %.2f%n",
                jsonToParquet, run / jsonToParquet, stage(day, IngestJob.NAME) / jsonToParquet);
        System.out.printf("  profiles Parquet -> Parquet:   %6.1f s -> anonymize / copy = %.2f%n", profilesCopy,
                stage(day, AnonymizeJob.NAME) / profilesCopy);
        System.out.printf("engine search: %s ms for %s distinct tuples (%,d devices)%n",
                day.anonymize().privacy().get("search_ms"), day.anonymize().extra().get("distinct_tuples"),
                day.anonymize().accounting().inputLines());
        new AccuracyReport(spark, config).print(DAY, System.out);
        return 0;
    }

    private static double stage(DailyRun.Result day, String name) {
        return day.stages().stream().filter(s -> s.stage().equals(name)).findFirst().orElseThrow().wall().toNanos()
                / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

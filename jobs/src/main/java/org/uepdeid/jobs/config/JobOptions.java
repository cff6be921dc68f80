package org.uepdeid.jobs.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every daily job shares: {@code --date}, {@code --config} and {@code --data-root}. Commands that work
 * across days ({@code erase}, {@code retention}) take {@link ConfigOptions} alone.
 */
public final class JobOptions {

    public static final String DEFAULT_CONFIG = "jobs-config/pipeline.yaml";

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day (partition) to process.")
    LocalDate date;

    @Mixin
    ConfigOptions configOptions;

    public LocalDate date() {
        return date;
    }

    /**
     * Runs a daily job for {@code --date} in a Spark session named after it. The config is read first, so that a bad
     * one fails in a second rather than after Spark's start-up.
     */
    public <T> T run(String name, DailyJob<T> job) throws IOException {
        PipelineConfig config = config();
        return job.run(SparkSessions.getOrCreate("uep-deid " + name), config, date);
    }

    /**
     * As {@link #run(String, DailyJob)}, holding the data root's lock meanwhile: for the jobs that change what the
     * data root holds.
     */
    public <T> T run(String name, LockOptions lock, DailyJob<T> job) throws IOException {
        PipelineConfig config = config();
        try (DataRootLock held = lock.lock(config, name + " --date " + date)) {
            return job.run(SparkSessions.getOrCreate("uep-deid " + name), config, date);
        }
    }

    /** Reads the config file and applies {@code --data-root}. */
    public PipelineConfig config() {
        return configOptions.config();
    }

    /** Reads a config file and applies a {@code --data-root} override (null: none), for commands without a date. */
    public static PipelineConfig load(Path configFile, String dataRoot) {
        PipelineConfig config = new PipelineConfigReader().read(configFile);
        if (dataRoot == null) {
            return config;
        }
        if (dataRoot.isBlank()) {
            throw new ConfigException("--data-root: must not be blank");
        }
        return config.withDataRoot(PipelineConfigReader.resolveLocation(dataRoot, Path.of("")));
    }

    /** How a command starts its job: the job's constructor and {@code run(date)}, given what these options give. */
    @FunctionalInterface
    public interface DailyJob<T> {
        T run(SparkSession spark, PipelineConfig config, LocalDate date) throws IOException;
    }
}

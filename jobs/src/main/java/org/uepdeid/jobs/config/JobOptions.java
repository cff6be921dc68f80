package org.uepdeid.jobs.config;

import java.nio.file.Path;
import java.time.LocalDate;
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
}

package org.uepdeid.jobs.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --data-root}: the options of every command that reads the pipeline config. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = JobOptions.DEFAULT_CONFIG,
            description = "Pipeline config (default: ${DEFAULT-VALUE}).")
    Path configFile;

    @Option(names = "--data-root", paramLabel = "DIR_OR_URI",
            description = "Overrides the config's data_root; a relative path is relative to the working directory.")
    String dataRoot;

    /** Reads the config file and applies {@code --data-root}. */
    public PipelineConfig config() {
        return JobOptions.load(configFile, dataRoot);
    }
}

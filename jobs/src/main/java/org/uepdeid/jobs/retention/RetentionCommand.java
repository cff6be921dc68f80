package org.uepdeid.jobs.retention;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.config.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uep-deid retention}: parses its options and runs {@link RetentionJob}. */
@Command(name = RetentionJob.NAME, mixinStandardHelpOptions = true,
        description = {"Deletes whole day partitions (dt=YYYY-MM-DD) older than each zone's retention period (the "
                + "config's retention section: landing_days, staging_days, quarantine_days, published_days, "
                + "reports_days; 0 or absent keeps forever).",
                "A partition dt=D goes when D < as-of - N days. Anything not named dt=YYYY-MM-DD is left alone and "
                        + "listed. Try --dry-run first."})
public final class RetentionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    LockOptions locks;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The day the periods count back from (default: today, UTC).")
    LocalDate asOf;

    @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        // Only folders are listed and removed: no Spark session, so a retention run takes seconds.
        PipelineConfig config = options.config();
        RetentionReport report;
        try (DataRootLock lock = locks.lock(config, RetentionJob.NAME + (dryRun ? " --dry-run" : ""))) {
            report = new RetentionJob(new Configuration(), config).run(asOf != null ? asOf
                    : LocalDate.now(ZoneOffset.UTC), dryRun);
        }
        report.lines().forEach(spec.commandLine().getOut()::println);
        return ExitCodes.DONE;
    }
}

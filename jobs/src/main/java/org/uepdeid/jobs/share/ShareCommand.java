package org.uepdeid.jobs.share;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DataRootLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uep-deid share}: parses its options and runs {@link ShareJob}. */
@Command(name = ShareJob.NAME, mixinStandardHelpOptions = true,
        description = {"Packages the day's outputs for affiliates: the affiliate outputs of its standing release, "
                + "their manifests without internal paths, their compliance summary, the report, and every "
                + "retraction notice not yet sent to that destination, listed with SHA-256 in SHARE.json, under "
                + "DIR/<release_id>/.",
                "Exit 1 when the release did not pass verify, its files changed since, or it holds nothing for "
                        + "affiliates."})
public final class ShareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day to share.")
    LocalDate date;

    @Option(names = "--to", required = true, paramLabel = "DIR_OR_URI",
            description = "Where the package goes: a local folder or any Hadoop URI.")
    String to;

    @Mixin
    ConfigOptions options;

    @Mixin
    LockOptions lockOptions;

    @Override
    public Integer call() throws IOException {
        PipelineConfig config = options.config();
        try (DataRootLock lock = lockOptions.lock(config, ShareJob.NAME + " --date " + date)) {
            ShareJob.Shared shared = new ShareJob(new DataRoot(config.dataRoot()), new Configuration(),
                    Clock.systemUTC()).share(date, new Path(to));
            spec.commandLine().getOut().printf("uep-deid share %s: release %s in %s (%d files, %d retraction "
                    + "notices); SHARE.json lists each with its SHA-256%n", date, shared.release().id(),
                    shared.folder(), shared.files().size(), shared.notices().size());
            return ExitCodes.DONE;
        }
    }
}

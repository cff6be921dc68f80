package org.uepdeid.jobs.profile;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.cli.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code uep-deid profile}: parses its options and runs {@link ProfileJob}. */
@Command(name = ProfileJob.NAME, mixinStandardHelpOptions = true,
        description = "Builds staging/profiles/dt=D: one row per device with its latest device_profile of the day.")
public final class ProfileCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Override
    public Integer call() throws IOException {
        PipelineConfig config = job.config();
        new ProfileJob(SparkSessions.getOrCreate("uep-deid " + ProfileJob.NAME), config, Clock.systemUTC())
                .run(job.date());
        return ExitCodes.DONE;
    }
}

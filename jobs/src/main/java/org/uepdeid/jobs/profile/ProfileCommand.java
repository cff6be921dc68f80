package org.uepdeid.jobs.profile;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.LockOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code uep-deid profile}: parses its options and runs {@link ProfileJob}. */
@Command(name = ProfileJob.NAME, mixinStandardHelpOptions = true,
        description = "Builds staging/profiles/dt=D: one row per device with its latest device_profile of the day.")
public final class ProfileCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    LockOptions locks;

    @Override
    public Integer call() throws IOException {
        job.run(ProfileJob.NAME, locks, (spark, config, date) -> new ProfileJob(spark, config, Clock.systemUTC()).run(date));
        return ExitCodes.DONE;
    }
}

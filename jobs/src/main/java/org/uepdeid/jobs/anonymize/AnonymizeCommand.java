package org.uepdeid.jobs.anonymize;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.LockOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code anonymize}: publishes the day's k-anonymous device profiles. */
@Command(name = AnonymizeJob.NAME, mixinStandardHelpOptions = true,
        description = "Anonymizes staging/profiles/dt=D with the config's policy and publishes "
                + "published/microdata/device_profiles/dt=D (exit 1 if no transformation satisfies the policy).")
public final class AnonymizeCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    LockOptions locks;

    @Override
    public Integer call() throws IOException {
        job.run(AnonymizeJob.NAME, locks,
                (spark, config, date) -> new AnonymizeJob(spark, config, Clock.systemUTC()).run(date));
        return ExitCodes.DONE;
    }
}

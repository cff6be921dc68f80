package org.uepdeid.jobs.aggregate;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.LockOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code uep-deid aggregate}: parses its options and runs {@link AggregateJob}. */
@Command(name = AggregateJob.NAME, mixinStandardHelpOptions = true,
        description = "Publishes published/stats/<product>/dt=D: statistics whose every cell covers at least "
                + "min_devices devices, each device's contribution bounded.")
public final class AggregateCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    LockOptions locks;

    @Override
    public Integer call() throws IOException {
        job.run(AggregateJob.NAME, locks,
                (spark, config, date) -> new AggregateJob(spark, config, Clock.systemUTC()).run(date));
        return ExitCodes.DONE;
    }
}

package org.uepdeid.jobs.ingest;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.KeyOptions;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PseudonymKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code uep-deid ingest}: parses its options and runs {@link IngestJob}. */
@Command(name = IngestJob.NAME, mixinStandardHelpOptions = true,
        description = "Validates and pseudonymizes landing/dt=D into staging/events/dt=D; bad lines go to quarantine/dt=D.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    LockOptions locks;

    @Mixin
    KeyOptions keys;

    @Override
    public Integer call() throws IOException {
        // The key is resolved before Spark starts: a missing key should fail in a second, not after start-up.
        PseudonymKey key = keys.resolve(System::getenv);
        job.run(IngestJob.NAME, locks, (spark, config, date) -> new IngestJob(spark, config, key, Clock.systemUTC())
                .run(date));
        return ExitCodes.DONE;
    }
}

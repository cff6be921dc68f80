package org.uepdeid.jobs.run;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.aggregate.AggregateJob;
import org.uepdeid.jobs.aggregate.AggregateRun;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.Release;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.verify.Verification;
import org.uepdeid.jobs.verify.VerifyJob;

/**
 * One day end to end in one Spark session, ingest → profile → anonymize → aggregate → verify → publish, timing each
 * stage. The {@code run} command and the pipeline benchmark both run the day through here, so what is measured is
 * what operators run.
 *
 * <p>The release becomes visible only after verify passed: anonymize and aggregate write their outputs under
 * temporary paths and hand them to a {@link Release}; verify reads them there; only then is every output renamed
 * into place, its manifest carrying the verification. When a check fails the temporary outputs are deleted, the
 * previous release stays, and {@link ReleaseBlockedException} says why. Ingest and profile, and the anonymized
 * classes the aggregates read, are internal zones, replaced at once.
 */
public record DailyRun(SparkSession spark, PipelineConfig config, PseudonymKey key, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(DailyRun.class);

    /** A stage's wall time and the rows it read. */
    public record StageTime(String stage, Duration wall, long inputRows) {
    }

    /** What a published day consists of, and how long each stage took. */
    public record Result(RunManifest ingest, RunManifest profile, RunManifest anonymize, AggregateRun aggregate,
                         Verification verification, List<StageTime> stages) {

        public Result {
            stages = List.copyOf(stages);
        }

        public Duration total() {
            return stages.stream().map(StageTime::wall).reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** Runs and publishes the day; throws {@link ReleaseBlockedException} when verify fails. */
    public Result run(LocalDate date) throws IOException {
        List<StageTime> stages = new ArrayList<>();
        long start = System.nanoTime();
        RunManifest ingest = new IngestJob(spark, config, key, clock).run(date);
        start = lap(stages, IngestJob.NAME, start, ingest.accounting().inputLines());
        RunManifest profile = new ProfileJob(spark, config, clock).run(date);
        start = lap(stages, ProfileJob.NAME, start, ingest.accounting().accepted());
        try (Release release = new Release()) {
            RunManifest anonymize = new AnonymizeJob(spark, config, clock).run(date, release);
            start = lap(stages, AnonymizeJob.NAME, start, anonymize.accounting().inputLines());
            AggregateRun aggregate = new AggregateJob(spark, config, clock).run(date, release);
            start = lap(stages, AggregateJob.NAME, start, ingest.accounting().accepted());
            VerifyJob verify = new VerifyJob(spark, config);
            Verification verification = verify.verifyStaged(date, release.outputs());
            if (!verification.passed()) {
                throw new ReleaseBlockedException("verify: " + verification.report().summary() + "; see "
                        + verification.reportPath());
            }
            verify.recordIn(release.outputs(), verification);
            release.publishAll();
            lap(stages, VerifyJob.NAME, start, anonymize.outputs().get(0).rows());
            return new Result(ingest, profile, anonymize, aggregate, verification, stages);
        }
    }

    private static long lap(List<StageTime> stages, String stage, long since, long inputRows) {
        long now = System.nanoTime();
        StageTime time = new StageTime(stage, Duration.ofNanos(now - since), inputRows);
        LOG.info("{} took {} s for {} input rows", stage, String.format("%.1f", time.wall().toMillis() / 1e3),
                inputRows);
        stages.add(time);
        return now;
    }
}

package org.uepdeid.jobs.run;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.aggregate.AggregateJob;
import org.uepdeid.jobs.aggregate.AggregateRun;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.Release;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.release.PublishedFolder;
import org.uepdeid.jobs.release.ReleaseId;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.release.ReleaseRecord;
import org.uepdeid.jobs.release.ReleasedOutput;
import org.uepdeid.jobs.release.RetractionNotice;
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
                         Verification verification, ReleaseRecord release, List<StageTime> stages) {

        public Result {
            stages = List.copyOf(stages);
        }

        public Duration total() {
            return stages.stream().map(StageTime::wall).reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** What {@link #run} did with a day: published a release, or left the standing one alone. */
    public sealed interface Outcome permits Published, AlreadyPublished {
    }

    /** The day was run and released. */
    public record Published(Result result) implements Outcome {
    }

    /** The day has a release already, and nothing asked to replace it: nothing ran. */
    public record AlreadyPublished(ReleaseRecord standing) implements Outcome {
    }

    /**
     * Runs and publishes the day, unless it is published already: a published day is immutable, so a scheduler's
     * retry changes nothing. {@code replaceReason} asks for a new release of a published day, superseding the
     * standing one; without differential privacy, verify then also compares it with the standing release and refuses
     * it when subtracting the two would single out fewer devices than the thresholds.
     *
     * @param replaceReason why the standing release is replaced (recorded in the log and the retraction notice), or
     *                      null for a day's first release
     * @throws ReleaseBlockedException when the privacy budget has no room for the release, checked before anything
     *                                 runs, or when verify fails: nothing is published, the standing release stays
     * @throws ConfigException when a replacement is asked for a day without a release
     */
    public Outcome run(LocalDate date, String replaceReason) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        ReleaseLog log = new ReleaseLog(new DataRoot(config.dataRoot()), hadoop);
        Optional<ReleaseRecord> standing = log.standing(date);
        if (standing.isPresent() && replaceReason == null) {
            return new AlreadyPublished(standing.get());
        }
        if (standing.isEmpty() && replaceReason != null) {
            throw new ConfigException("--replace: " + date + " has no release to replace; run it without --replace");
        }
        new AggregateJob(spark, config, clock).requireBudget(date);
        List<StageTime> stages = new ArrayList<>();
        long start = System.nanoTime();
        RunManifest ingest = new IngestJob(spark, config, key, clock).run(date);
        start = lap(stages, IngestJob.NAME, start, ingest.accounting().inputLines());
        RunManifest profile = new ProfileJob(spark, config, clock).run(date);
        start = lap(stages, ProfileJob.NAME, start, ingest.accounting().accepted());
        try (Release release = new Release()) {
            RunManifest anonymize = new AnonymizeJob(spark, config, clock).run(date, release);
            start = lap(stages, AnonymizeJob.NAME, start, anonymize.accounting().inputLines());
            ReleaseId releaseId = standing.map(r -> r.id().next()).orElse(ReleaseId.first(date));
            AggregateRun aggregate = new AggregateJob(spark, config, clock).run(date, releaseId.toString(), release);
            start = lap(stages, AggregateJob.NAME, start, ingest.accounting().accepted());
            VerifyJob verify = new VerifyJob(spark, config);
            Verification verification = verify.verifyStaged(date, release.outputs(),
                    standing.map(ReleaseRecord::id).orElse(null));
            if (!verification.passed()) {
                throw new ReleaseBlockedException("verify: " + verification.report().summary() + "; see "
                        + verification.reportPath() + standing.map(r -> "; release " + r.id() + " stands")
                        .orElse(""));
            }
            verify.recordIn(release.outputs(), verification);
            release.publishAll();
            ReleaseRecord record = record(log, standing, replaceReason, release, verification);
            lap(stages, VerifyJob.NAME, start, anonymize.outputs().get(0).rows());
            return new Published(new Result(ingest, profile, anonymize, aggregate, verification, record, stages));
        }
    }

    /** Logs the published release and, when it replaced one, the notice that withdraws the old one. */
    private ReleaseRecord record(ReleaseLog log, Optional<ReleaseRecord> replaced, String reason, Release release,
                                 Verification verification) throws IOException {
        PublishedFolder folders = new PublishedFolder(new DataRoot(config.dataRoot()),
                spark.sparkContext().hadoopConfiguration());
        List<ReleasedOutput> outputs = new ArrayList<>();
        for (StagedOutput output : release.outputs()) {
            outputs.add(folders.read(output.target()));
        }
        Instant now = clock.instant();
        ReleaseRecord record = new ReleaseRecord(replaced.map(r -> r.id().next()).orElse(ReleaseId.first(
                verification.report().date())), now, replaced.map(ReleaseRecord::id).orElse(null), reason,
                config.source().sha256(), CodeVersion.current(), key.id(), "passed", verification.reportPath(),
                outputs);
        log.append(record);
        if (replaced.isPresent()) {
            Path notice = log.retract(new RetractionNotice(replaced.get(), record.id(), reason, now));
            LOG.info("release {} supersedes {}; retraction notice {}", record.id(), replaced.get().id(), notice);
        }
        return record;
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

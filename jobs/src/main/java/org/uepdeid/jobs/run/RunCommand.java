package org.uepdeid.jobs.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.aggregate.AggregateJob;
import org.uepdeid.jobs.aggregate.AggregateRun;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.cli.ExitCodes;
import org.uepdeid.jobs.cli.ReleaseBlockedException;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.KeyOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.Release;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.spark.SparkSessions;
import org.uepdeid.jobs.verify.Verification;
import org.uepdeid.jobs.verify.VerifyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run}: the whole day in one Spark session, ingest → profile → anonymize → aggregate → verify → publish, then a
 * summary.
 *
 * <p>The release becomes visible only after verify passed: anonymize and aggregate write their outputs under
 * temporary paths and hand them to a {@link Release}; verify reads them there; only then is every output renamed
 * into place, its manifest carrying the verification. When a check fails the temporary outputs are deleted, the
 * previous release stays, and the exit code is 1; the compliance report says why. Ingest and profile, and the
 * anonymized classes the aggregates read, are internal zones, replaced at once.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the day's pipeline: ingest, profile, anonymize, aggregate, verify; publishes only if "
                + "verify passes and prints where the outputs are.", "Exit 1 and nothing published when a check "
                + "fails."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    JobOptions job;

    @Mixin
    KeyOptions keys;

    @Override
    public Integer call() throws IOException {
        PipelineConfig config = job.config();
        PseudonymKey key = keys.resolve(System::getenv);
        AnonymizeJob.policy(config); // a bad policy fails now, not after ingest and profile
        LocalDate date = job.date();
        SparkSession spark = SparkSessions.getOrCreate("uep-deid run");
        Clock clock = Clock.systemUTC();
        RunManifest ingest = new IngestJob(spark, config, key, clock).run(date);
        RunManifest profile = new ProfileJob(spark, config, clock).run(date);
        RunManifest anonymize;
        AggregateRun aggregate;
        Verification verification;
        try (Release release = new Release()) {
            anonymize = new AnonymizeJob(spark, config, clock).run(date, release);
            aggregate = new AggregateJob(spark, config, clock).run(date, release);
            VerifyJob verify = new VerifyJob(spark, config);
            verification = verify.verifyStaged(date, release.outputs());
            if (!verification.passed()) {
                throw new ReleaseBlockedException("verify: " + verification.report().summary() + "; see "
                        + verification.reportPath());
            }
            verify.recordIn(release.outputs(), verification);
            release.publishAll();
        }
        summarize(System.out, new DataRoot(config.dataRoot()), date, ingest, profile, anonymize);
        aggregate.published().forEach((product, m) -> System.out.printf("  %-10s %s (%s rows)%n", "stats",
                m.outputs().get(0).path(), m.outputs().get(0).rows()));
        aggregate.notPublished().forEach((product, why) -> System.out.printf("  %-10s %s not published: %s%n",
                "stats", product, why));
        System.out.printf("  %-10s %s (%s)%n", VerifyJob.NAME, verification.reportPath(),
                verification.report().summary());
        return ExitCodes.DONE;
    }

    private static void summarize(PrintStream out, DataRoot root, LocalDate date, RunManifest... manifests) {
        out.printf("uep-deid run %s: done%n", date);
        for (RunManifest m : manifests) {
            out.printf("  %-10s %s%n", m.job(), m.outputs().isEmpty() ? "" : m.outputs().get(0).path());
            if (m.accounting() != null) {
                out.printf("             %,d in → %,d accepted, quarantined %s, no consent %,d, minors %,d, "
                                + "erased %,d, duplicates %,d%n", m.accounting().inputLines(), m.accounting().accepted(),
                        m.accounting().quarantined(), m.accounting().noConsent(), m.accounting().minors(),
                        m.accounting().erased(), m.accounting().duplicates());
            }
            if (m.privacy() != null && m.privacy().has("levels")) {
                out.printf("             levels %s, %s records suppressed, smallest class %s, loss %s%n",
                        m.privacy().get("levels"), m.privacy().get("suppressed_records"),
                        m.privacy().get("min_class_size"), m.privacy().path("information_loss").get("value"));
            }
        }
        out.printf("  manifests: %s/**/_manifest.json%n", root.path());
    }
}

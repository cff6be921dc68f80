package org.uepdeid.jobs.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.JobOptions;
import org.uepdeid.jobs.config.KeyOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.spark.SparkSessions;
import org.uepdeid.jobs.verify.VerifyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code run}: the whole day through {@link DailyRun} (published only when verify passes), then a summary of where the
 * outputs are and how long each stage took.
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
        LocalDate date = job.date();
        DailyRun.Result day = new DailyRun(SparkSessions.getOrCreate("uep-deid run"), config, key,
                Clock.systemUTC()).run(date);
        summarize(System.out, new DataRoot(config.dataRoot()), date, day.ingest(), day.profile(), day.anonymize());
        day.aggregate().published().forEach((product, m) -> System.out.printf("  %-10s %s (%s rows)%n", "stats",
                m.outputs().get(0).path(), m.outputs().get(0).rows()));
        day.aggregate().notPublished().forEach((product, why) -> System.out.printf("  %-10s %s not published: %s%n",
                "stats", product, why));
        System.out.printf("  %-10s %s (%s)%n", VerifyJob.NAME, day.verification().reportPath(),
                day.verification().report().summary());
        System.out.printf("  %-10s %s, total %.1f s%n", "took", day.stages().stream()
                .map(s -> String.format("%s %.1f s", s.stage(), s.wall().toMillis() / 1e3))
                .collect(Collectors.joining(", ")), day.total().toMillis() / 1e3);
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

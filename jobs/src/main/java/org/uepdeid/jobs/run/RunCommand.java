package org.uepdeid.jobs.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.KeyOptions;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.spark.SparkSessions;
import org.uepdeid.jobs.verify.VerifyJob;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: a day, or each day of a range, through {@link DailyRun} (published only when verify passes; a day
 * published already is left alone unless {@code --replace} says why), then a summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the day's pipeline: ingest, profile, anonymize, aggregate, verify; publishes only if "
                + "verify passes and prints where the outputs are.",
                "A day already published is left as it is (exit 0) unless --replace --reason says why to release it "
                        + "again. --from/--to runs the days in order, skips published ones and stops at the first "
                        + "failure.",
                "Exit 0 done or skipped, 1 a check failed (nothing of that day published), 2 bad usage or config or "
                        + "the data root is locked, 3 runtime failure (for a range: the worst day's)."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Ten years of days: a guard against a typo in --from or --to. */
    static final int MAX_DAYS = 3660;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Days days;

    @Option(names = "--replace", description = "Publish a new release of a day already published, superseding it "
            + "(needs --reason; only with --date).")
    boolean replace;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the release is replaced (e.g. erasure); "
            + "recorded in the release log and the retraction notice.")
    String reason;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    KeyOptions keys;

    @Mixin
    LockOptions lockOptions;

    /** {@code --date D}, or {@code --from D1 --to D2}. */
    static final class Days {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day to run.")
        LocalDate date;

        @ArgGroup(exclusive = false)
        Range range;

        List<LocalDate> dates() {
            if (date != null) {
                return List.of(date);
            }
            if (range.to.isBefore(range.from)) {
                throw new ConfigException("--to " + range.to + " is before --from " + range.from);
            }
            if (range.from.plusDays(MAX_DAYS).isBefore(range.to)) {
                throw new ConfigException("--from " + range.from + " --to " + range.to + ": more than " + MAX_DAYS
                        + " days");
            }
            return range.from.datesUntil(range.to.plusDays(1)).toList();
        }
    }

    /** A backfill: every day from {@code --from} to {@code --to}, both included. */
    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The first day to run.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "The last day to run.")
        LocalDate to;
    }

    @Override
    public Integer call() throws IOException {
        List<LocalDate> dates = days.dates();
        String why = replacementReason(dates);
        PipelineConfig config = configOptions.config();
        PseudonymKey key = keys.resolve(System::getenv);
        String command = "run " + (dates.size() == 1 ? "--date " + dates.get(0)
                : "--from " + dates.get(0) + " --to " + dates.get(dates.size() - 1)) + (why == null ? "" : " --replace");
        try (DataRootLock lock = lockOptions.lock(config, command)) {
            DailyRun daily = new DailyRun(SparkSessions.getOrCreate("uep-deid run"), config, key, Clock.systemUTC());
            if (dates.size() == 1) {
                report(spec.commandLine().getOut(), new DataRoot(config.dataRoot()), dates.get(0),
                        daily.run(dates.get(0), why));
                return ExitCodes.DONE;
            }
            return new Backfill(daily, spec.commandLine().getOut()).run(dates);
        }
    }

    /** The reason of a replacement, or null for first releases; each flag needs the other. */
    private String replacementReason(List<LocalDate> dates) {
        if (!replace) {
            if (reason != null) {
                throw new ConfigException("--reason is only for --replace");
            }
            return null;
        }
        if (reason == null || reason.isBlank()) {
            throw new ConfigException("--replace needs --reason TEXT: the release log and the retraction notice "
                    + "say why the day was released again");
        }
        if (dates.size() > 1) {
            throw new ConfigException("--replace takes one --date: replacing a release is decided day by day");
        }
        return reason.strip();
    }

    static void report(PrintWriter out, DataRoot root, LocalDate date, DailyRun.Outcome outcome) {
        if (outcome instanceof DailyRun.Published published) {
            summarize(out, root, date, published.result());
        } else if (outcome instanceof DailyRun.AlreadyPublished skipped) {
            out.printf("uep-deid run %s: published already as release %s (%s); nothing to do. To release the day "
                    + "again: run --date %s --replace --reason TEXT%n", date, skipped.standing().id(),
                    skipped.standing().created(), date);
        }
    }

    private static void summarize(PrintWriter out, DataRoot root, LocalDate date, DailyRun.Result day) {
        out.printf("uep-deid run %s: done, release %s%s%n", date, day.release().id(),
                day.release().supersedes() == null ? "" : " (supersedes " + day.release().supersedes() + ": "
                        + day.release().reason() + ")");
        for (RunManifest m : List.of(day.ingest(), day.profile(), day.anonymize())) {
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
        day.aggregate().published().forEach((product, m) -> out.printf("  %-10s %s (%s rows)%n", "stats",
                m.outputs().get(0).path(), m.outputs().get(0).rows()));
        day.aggregate().notPublished().forEach((product, why) -> out.printf("  %-10s %s not published: %s%n",
                "stats", product, why));
        out.printf("  %-10s %s (%s)%n", VerifyJob.NAME, day.verification().reportPath(),
                day.verification().report().summary());
        out.printf("  %-10s %s, total %.1f s%n", "took", day.stages().stream()
                .map(s -> String.format("%s %.1f s", s.stage(), s.wall().toMillis() / 1e3))
                .collect(Collectors.joining(", ")), day.total().toMillis() / 1e3);
        out.printf("  manifests: %s/**/_manifest.json; release log: %s/published/_releases/%n", root.path(),
                root.path());
    }
}

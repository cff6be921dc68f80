package org.uepdeid.jobs.erase;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.KeyOptions;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.ledger.DeviceOptions;
import org.uepdeid.jobs.ledger.DeviceRequest;
import org.uepdeid.jobs.release.ReleaseLog;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uep-deid erase}: parses its options and runs {@link EraseJob}. */
@Command(name = EraseJob.NAME, mixinStandardHelpOptions = true,
        description = {"Erases devices: adds their pseudonyms to the erasure ledger (ledger/erasure), so later "
                + "ingests drop their lines, and rewrites every existing partition of staging/events, "
                + "staging/profiles, staging/classes, quarantine and quarantine/anonymize without their rows.",
                "Raw device ids are pseudonymized with the key, as ingest does. Published days are not rewritten "
                        + "(they hold no pseudonyms): `run --date D --replace --reason erasure` rebuilds a day "
                        + "listed in the summary without the erased devices, under the "
                        + "replacement rules. Nothing prints a device id or pseudonym."})
public final class EraseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    KeyOptions keys;

    @Mixin
    LockOptions locks;

    @Mixin
    DeviceOptions devices;

    @Option(names = "--pseudonym", paramLabel = "P",
            description = "A device pseudonym (64 lowercase hex characters) to erase (repeatable).")
    List<String> pseudonyms = new ArrayList<>();

    @Option(names = "--dry-run", description = "Report what would be removed; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        // Everything the operator can get wrong fails before Spark starts.
        DeviceRequest request = devices.request(pseudonyms, EraseJob.NAME);
        PipelineConfig config = options.config();
        Set<String> erased = request.pseudonyms(() -> keys.resolve(System::getenv));
        ErasureReport report;
        try (DataRootLock lock = locks.lock(config, EraseJob.NAME + (dryRun ? " --dry-run" : ""))) {
            report = new EraseJob(SparkSessions.getOrCreate("uep-deid " + EraseJob.NAME), config, Clock.systemUTC())
                    .run(erased, dryRun);
        }
        report.lines().forEach(spec.commandLine().getOut()::println);
        List<String> released = new ArrayList<>();
        ReleaseLog log = new ReleaseLog(new DataRoot(config.dataRoot()), new Configuration());
        for (LocalDate day : report.daysWithRemoved()) {
            log.standing(day).ifPresent(r -> released.add(day + " (release " + r.id() + ")"));
        }
        if (!released.isEmpty()) {
            spec.commandLine().getOut().println("  published days built with these devices' rows: "
                    + String.join(", ", released));
        }
        return ExitCodes.DONE;
    }
}

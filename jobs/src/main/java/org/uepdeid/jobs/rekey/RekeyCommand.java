package org.uepdeid.jobs.rekey;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.ledger.DeviceRequest;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uep-deid rekey}: parses its options and runs {@link RekeyJob}. */
@Command(name = RekeyJob.NAME, mixinStandardHelpOptions = true,
        description = {"Retires a pseudonym key (a leaked one): re-pseudonymizes every partition of staging/events, "
                + "staging/profiles, staging/classes, quarantine and quarantine/anonymize and every entry of "
                + "ledger/erasure, ledger/children and ledger/consent from the old key to the new, each partition "
                + "rewritten aside and swapped in atomically, its manifest given the new key id and a rekey section.",
                "A pseudonym can only be mapped through the device's raw id: from every landing day still on disk "
                        + "(kept 7 days, staging 30) and from each --ids-file. The mapping is held in memory only, "
                        + "never written or logged.",
                "Unmapped pseudonyms: by default rekey counts them per zone and ledger first and, if there are "
                        + "any, changes nothing and exits 2 naming the counts: supply the devices' ids with "
                        + "--ids-file. --drop-unmapped removes unmapped rows of staging, quarantine and the "
                        + "children ledger instead (counted in the summary and the manifests); erasure and consent "
                        + "entries must always map, so an unmapped one exits 2 even then.",
                "A rerun after a failure skips partitions already under the new key id and finishes the rest. "
                        + "Afterwards set UEP_DEID_KEY (or --key-file) to the new key and UEP_DEID_KEY_ID to its "
                        + "id. Nothing prints a device id or pseudonym."})
public final class RekeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    LockOptions locks;

    @Option(names = "--old-key-file", required = true, paramLabel = "FILE",
            description = "The key the data is pseudonymized with now; its id is " + PseudonymKey.ID_VARIABLE
                    + " (default: " + PseudonymKey.DEFAULT_ID + ").")
    Path oldKeyFile;

    @Option(names = "--new-key-file", required = true, paramLabel = "FILE",
            description = "The key to pseudonymize with from now on (" + PseudonymKey.HOW_TO_MAKE_ONE + ").")
    Path newKeyFile;

    @Option(names = "--new-key-id", paramLabel = "ID",
            description = "The new key's id in manifests, different from the old one's (default: "
                    + PseudonymKey.DEFAULT_ID + ").")
    String newKeyId;

    @Option(names = "--ids-file", paramLabel = "FILE",
            description = "Raw device ids beyond landing's (repeatable), one a line; blank lines and lines "
                    + "starting with # are skipped: the erasure and consent request archive, the device registry.")
    List<Path> idsFiles = new ArrayList<>();

    @Option(names = "--drop-unmapped",
            description = "Remove the rows of staging, quarantine and the children ledger whose pseudonym cannot "
                    + "be mapped, instead of refusing.")
    boolean dropUnmapped;

    @Option(names = "--dry-run", description = "Count what would be re-keyed, dropped or refused; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        // Everything the operator can get wrong fails before Spark starts.
        PseudonymKey oldKey = PseudonymKey.fromFile(oldKeyFile, "--old-key-file")
                .withId(System.getenv(PseudonymKey.ID_VARIABLE));
        PseudonymKey newKey = PseudonymKey.fromFile(newKeyFile, "--new-key-file").withId(newKeyId);
        List<String> ids = new ArrayList<>();
        idsFiles.forEach(file -> ids.addAll(DeviceRequest.idsIn(file)));
        RekeyJob.Request request = new RekeyJob.Request(oldKey, newKey, ids, dropUnmapped, dryRun);
        PipelineConfig config = options.config();
        RekeyReport report;
        try (DataRootLock lock = locks.lock(config, RekeyJob.NAME + (dryRun ? " --dry-run" : ""))) {
            report = new RekeyJob(SparkSessions.getOrCreate("uep-deid " + RekeyJob.NAME), config, Clock.systemUTC())
                    .run(request);
        }
        report.lines().forEach(spec.commandLine().getOut()::println);
        if (report.refusal().isPresent()) {
            throw new ConfigException(report.refusal().get());
        }
        return ExitCodes.DONE;
    }
}

package org.uepdeid.jobs.consent;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.ConfigOptions;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.KeyOptions;
import org.uepdeid.jobs.config.LockOptions;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRootLock;
import org.uepdeid.jobs.ledger.DeviceOptions;
import org.uepdeid.jobs.ledger.DeviceRequest;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uep-deid consent revoke}: parses its options and runs {@link ConsentRevocation}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Records that users withdrew their consent (policy Part VI 3.3): appends the devices' pseudonyms "
                + "with the revocation time to ledger/consent. Every later ingest counts their events from that time "
                + "on as no_consent, so they reach neither staging, quarantine nor any output.",
                "Data processed before the revocation stays (withdrawal does not undo earlier lawful processing); "
                        + "to delete it too, use `uep-deid erase`. Nothing prints a device id or pseudonym."})
public final class RevokeCommand implements Callable<Integer> {

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

    @Option(names = "--at", paramLabel = "TIME",
            description = "When consent was withdrawn, ISO-8601 with offset (2026-11-27T12:00:00+08:00); "
                    + "default: now.")
    String at;

    @Override
    public Integer call() throws IOException {
        DeviceRequest request = devices.request(List.of(), ConsentRevocation.NAME);
        Instant revokedAt = revocationTime();
        PipelineConfig config = options.config();
        Set<String> pseudonyms = request.pseudonyms(() -> keys.resolve(System::getenv));
        DatasetCount written;
        try (DataRootLock lock = locks.lock(config, "consent " + ConsentRevocation.NAME)) {
            written = new ConsentRevocation(SparkSessions.getOrCreate("uep-deid consent"), config,
                    Clock.systemUTC()).run(pseudonyms, revokedAt);
        }
        spec.commandLine().getOut().println("uep-deid consent revoke: " + pseudonyms.size() + " device(s), revoked at "
                + revokedAt + "; ledger: appended " + written.rows() + " pseudonym(s) as " + written.path()
                + "; later ingests count their events from then on as no_consent");
        return ExitCodes.DONE;
    }

    private Instant revocationTime() {
        if (at == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConfigException("--at: must be an ISO-8601 time with offset (2026-11-27T12:00:00+08:00), got "
                    + at);
        }
    }
}

package org.uepdeid.jobs.erase;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.ledger.PseudonymLedger;
import org.uepdeid.jobs.ledger.PseudonymPurge;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * The erase job: records devices in the erasure ledger, so that no later ingest keeps their lines, and removes their
 * rows from every existing partition of the zones keyed by pseudonym ({@link PseudonymPurge}).
 *
 * <p>Not rewritten: {@code landing/} (raw uploads; ingest excludes the devices from them through the ledger, and
 * retention deletes them) and {@code published/} (anonymized, no pseudonyms; re-running a day rebuilds it without the
 * devices). Nothing here logs or returns a device id or pseudonym.
 *
 * @param clock the erasure's time, in the ledger and the manifests
 */
public record EraseJob(SparkSession spark, PipelineConfig config, Clock clock) {

    public static final String NAME = "erase";

    /**
     * Erases the devices with these pseudonyms; with {@code dryRun}, only counts what it would remove.
     *
     * @throws IllegalArgumentException when no pseudonym is given
     */
    public ErasureReport run(Set<String> pseudonyms, boolean dryRun) throws IOException {
        if (pseudonyms.isEmpty()) {
            throw new IllegalArgumentException("erase: no device to erase");
        }
        Instant at = clock.instant();
        String runId = RunManifest.newRunId(at);
        // The ledger first: should a rewrite below fail, later ingests already exclude the devices, and running the
        // same erasure again finishes the rewrites.
        Optional<DatasetCount> ledger = dryRun ? Optional.empty()
                : Optional.of(new PseudonymLedger(spark, config, Ledger.ERASURE).append(
                        pseudonyms.stream().map(RowFactory::create).toList(), at, runId, NAME));
        PseudonymPurge.Result purged = new PseudonymPurge(spark, new DataRoot(config.dataRoot()))
                .run(pseudonyms, dryRun, at, runId);
        return new ErasureReport(dryRun, pseudonyms.size(), ledger, purged.zones(), purged.days());
    }
}

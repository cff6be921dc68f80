package org.uepdeid.jobs.consent;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.ledger.PseudonymLedger;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * Records revoked consents in {@code ledger/consent}: one entry of pseudonyms, each with the revocation time. Ingest
 * reads the ledger on every run; nothing else changes here.
 *
 * @param clock the time of the request, which names the ledger entry
 */
public record ConsentRevocation(SparkSession spark, PipelineConfig config, Clock clock) {

    public static final String NAME = "revoke";

    /** Appends the devices with {@code revokedAt}; returns the entry written. */
    public DatasetCount run(Set<String> pseudonyms, Instant revokedAt) throws IOException {
        if (pseudonyms.isEmpty()) {
            throw new IllegalArgumentException("consent revoke: no device");
        }
        String runId = RunManifest.newRunId(clock.instant());
        return new PseudonymLedger(spark, config, Ledger.CONSENT).append(
                pseudonyms.stream().map(RowFactory::create).toList(), revokedAt, runId, "consent " + NAME);
    }
}

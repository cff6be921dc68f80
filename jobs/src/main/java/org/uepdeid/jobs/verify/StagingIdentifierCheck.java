package org.uepdeid.jobs.verify;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * No published value equals an identifier the pipeline knows internally: a device pseudonym of the day's staging,
 * quarantine or the erasure ledger, or a raw device id of the day's landing lines. A join on exact values, not a
 * pattern, so a pseudonym copied into any column or manifest field is found, however plain it looks.
 *
 * <p>Without the day's staging/events there is nothing to join with, and the check fails rather than pass unproven.
 */
final class StagingIdentifierCheck implements Check {

    static final String NAME = "staging_identifiers";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        StagingDay staging = evidence.staging();
        if (!staging.knowsPseudonyms()) {
            return List.of(CheckResult.notMeasured(NAME, evidence.target(), 0,
                    "the day's staging/events is absent, so the published values cannot be joined with the "
                            + "pseudonyms; absent: " + staging.absent()));
        }
        Dataset<Row> values = evidence.values();
        Dataset<Row> identifiers = staging.identifiers();
        ValueFindings found = ValueFindings.of(values.join(identifiers,
                values.col(Evidence.VALUE).equalTo(identifiers.col(StagingDay.IDENTIFIER)), "left_semi"), null);
        return List.of(new CheckResult(NAME, evidence.target(), found.count(), 0, found.count() == 0,
                "published values equal to a pseudonym or raw device id of " + staging.read() + ": "
                        + found.summary() + (staging.absent().isEmpty() ? "" : "; not available: " + staging.absent()),
                found.sample()));
    }
}

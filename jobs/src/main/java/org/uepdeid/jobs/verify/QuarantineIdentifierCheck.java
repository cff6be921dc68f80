package org.uepdeid.jobs.verify;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.uepdeid.jobs.verify.StagingDay.QuarantineScan;

/**
 * The quarantine of the day holds none of the day's raw direct identifiers (device ids, IPs, serials, MACs, host and
 * user names) in its redacted copies (issue 8: quarantine is no re-identification table). Measured once, with the
 * microdata; the copies are split at their quotes, so a value that was a JSON string is one piece.
 */
final class QuarantineIdentifierCheck implements Check {

    static final String NAME = "quarantine_identifiers";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        if (evidence.output().kind() != OutputKind.MICRODATA) {
            return List.of();
        }
        if (evidence.staging().quarantine().isEmpty()) {
            return List.of(CheckResult.notMeasured(NAME, evidence.target(), 0,
                    "the day's landing or quarantine copies are absent: nothing to scan"));
        }
        QuarantineScan scan = evidence.staging().quarantine().get();
        Dataset<Row> found = scan.pieces().join(scan.rawIdentifiers(),
                scan.pieces().col(StagingDay.IDENTIFIER).equalTo(scan.rawIdentifiers().col(StagingDay.IDENTIFIER)),
                "left_semi").distinct();
        long count = found.count();
        List<String> sample = found.limit(CheckResult.MAX_SAMPLE).collectAsList().stream()
                .map(row -> SampleMask.mask(row.getString(0))).toList();
        return List.of(new CheckResult(NAME, evidence.target(), count, 0, count == 0,
                "raw direct identifiers of the day's landing lines in quarantine's redacted copies: " + count,
                sample));
    }
}

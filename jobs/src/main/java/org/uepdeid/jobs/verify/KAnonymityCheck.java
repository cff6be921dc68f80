package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * k-anonymity of microdata: the smallest equivalence class over the published quasi-identifier columns holds at least
 * the declared k records. The all-{@code *} class of suppressed records is reported apart, not as a violation.
 */
final class KAnonymityCheck implements Check {

    static final String NAME = "k_anonymity";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        if (evidence.classes().isEmpty()) {
            return List.of();
        }
        ClassSizes classes = evidence.classes().get();
        int k = evidence.policy().k();
        List<String> qis = evidence.presentQuasiIdentifiers();
        String detail = "smallest of " + classes.classes() + " equivalence classes over " + qis + " ("
                + classes.keptRecords() + " records; the suppressed all-* class of " + classes.suppressedRecords()
                + " records is not counted)";
        if (classes.classes() == 0) {
            return List.of(CheckResult.of(NAME, evidence.target(), 0, k, true, "no class is published: every record "
                    + "is suppressed (see suppression_rate)"));
        }
        boolean passed = classes.smallest() >= k;
        return List.of(new CheckResult(NAME, evidence.target(), classes.smallest(), k, passed, detail,
                passed ? List.of() : classesBelow(evidence, qis, k)));
    }

    /** A few classes smaller than k, each as its masked tuple and size. */
    private static List<String> classesBelow(Evidence evidence, List<String> qis, int k) {
        Column notSuppressed = lit(false);
        for (String q : qis) {
            notSuppressed = notSuppressed.or(col(q).isNull().or(col(q).notEqual(EvidenceReader.SUPPRESSED)));
        }
        List<String> sample = new ArrayList<>();
        for (Row row : evidence.rows().filter(notSuppressed)
                .groupBy(qis.stream().map(q -> col(q).cast("string")).toArray(Column[]::new))
                .agg(count(lit(1)).as("size")).filter(col("size").lt(k)).limit(CheckResult.MAX_SAMPLE)
                .collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < qis.size(); i++) {
                values.add(row.getString(i));
            }
            sample.add(SampleMask.maskTuple(values));
        }
        return sample;
    }
}

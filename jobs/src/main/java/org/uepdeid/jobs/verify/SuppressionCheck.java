package org.uepdeid.jobs.verify;

import java.util.List;

/** Microdata suppression: the share of records in the all-{@code *} class is within the declared suppression limit. */
final class SuppressionCheck implements Check {

    static final String NAME = "suppression_rate";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        if (evidence.classes().isEmpty()) {
            return List.of();
        }
        ClassSizes classes = evidence.classes().get();
        double limit = evidence.policy().suppressionLimit();
        long records = classes.records();
        double rate = records == 0 ? 0 : (double) classes.suppressedRecords() / records;
        // Compared as counts: the engine may suppress up to limit × records records, and a share can round either way.
        boolean passed = classes.suppressedRecords() <= limit * records + Check.TOLERANCE;
        return List.of(CheckResult.of(NAME, evidence.target(), rate, limit, passed, classes.suppressedRecords()
                + " of " + records + " published records are suppressed (every quasi-identifier *)"));
    }
}

package org.uepdeid.reports;

/**
 * Records withheld (every quasi-identifier set to {@code *}) against the policy's limit.
 *
 * @param records all records of the release, suppressed ones included
 * @param limit   the largest share of records the policy lets the engine suppress
 */
public record Suppression(long suppressedRecords, long records, double limit) {

    public Suppression {
        Require.count("suppressed records", suppressedRecords);
        Require.count("records", records);
        Require.share("suppression limit", limit);
        if (suppressedRecords > records) {
            throw new IllegalArgumentException("report: suppressed records " + suppressedRecords
                    + " exceed the records " + records);
        }
    }

    /** The share of records suppressed; 0 for an empty release. */
    public double share() {
        return records == 0 ? 0 : (double) suppressedRecords / records;
    }
}

package org.uepdeid.reports;

/**
 * The re-identification risk profile of the published classes, as the anonymize manifest states it; every figure
 * but the counts is a share in [0, 1].
 *
 * @param records        records in the published (not suppressed) classes
 * @param classes        published equivalence classes
 * @param threshold      the risk above which a record counts as at risk
 * @param recordsAtRisk  the share of records whose risk exceeds the threshold
 */
public record ReidentificationRisk(long records, long classes, double prosecutorMax, double prosecutorAverage,
                                   double journalistMax, double marketer, double threshold, double recordsAtRisk,
                                   double sampleUniqueness) {

    public ReidentificationRisk {
        Require.count("risk records", records);
        Require.count("risk classes", classes);
        Require.share("prosecutor_max", prosecutorMax);
        Require.share("prosecutor_average", prosecutorAverage);
        Require.share("journalist_max", journalistMax);
        Require.share("marketer", marketer);
        Require.share("risk threshold", threshold);
        Require.share("records_at_risk", recordsAtRisk);
        Require.share("sample_uniqueness", sampleUniqueness);
    }
}

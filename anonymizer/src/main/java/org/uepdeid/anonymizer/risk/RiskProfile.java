package org.uepdeid.anonymizer.risk;

/**
 * Re-identification risk of a release, from the sizes of its published equivalence classes. With no population
 * table the sample stands for the population, so the journalist risk equals the prosecutor risk.
 *
 * @param records               records in the published (kept) classes
 * @param classes               number of published classes
 * @param prosecutorMax         the highest record risk, 1 / smallest class
 * @param prosecutorAverage     the average record risk, classes / records
 * @param journalistMax         the journalist's highest risk (equal to the prosecutor's without population data)
 * @param marketer              the share of records a marketer re-identifies on average, classes / records
 * @param threshold             the risk above which a record counts as at risk
 * @param recordsAtRisk         the share of records whose risk exceeds the threshold
 * @param sampleUniqueness      the share of records alone in their class
 */
public record RiskProfile(long records, long classes, double prosecutorMax, double prosecutorAverage,
                          double journalistMax, double marketer, double threshold, double recordsAtRisk,
                          double sampleUniqueness) {

    /** Measures the profile of classes with these sizes; a record is at risk when 1/size exceeds the threshold. */
    public static RiskProfile of(int[] classSizes, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("risk threshold must be in (0, 1], got " + threshold);
        }
        long records = 0;
        long atRisk = 0;
        long uniques = 0;
        int smallest = Integer.MAX_VALUE;
        for (int size : classSizes) {
            records += size;
            smallest = Math.min(smallest, size);
            if (1.0 / size > threshold) {
                atRisk += size;
            }
            if (size == 1) {
                uniques++;
            }
        }
        if (records == 0) {
            return new RiskProfile(0, 0, 0, 0, 0, 0, threshold, 0, 0);
        }
        double max = 1.0 / smallest;
        double average = (double) classSizes.length / records;
        return new RiskProfile(records, classSizes.length, max, average, max, average, threshold,
                (double) atRisk / records, (double) uniques / records);
    }
}

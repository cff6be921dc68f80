package org.uepdeid.anonymizer.model;

import java.util.List;

/**
 * The sensitive attribute over the whole table: its dictionary and each value's record count, which distance-based
 * models compare every class against.
 */
public record SensitiveDistribution(String attribute, List<String> values, long[] totals, long records) {

    public SensitiveDistribution {
        values = List.copyOf(values);
        totals = totals.clone();
        if (totals.length != values.size()) {
            throw new IllegalArgumentException("one total per sensitive value expected");
        }
    }

    public int size() {
        return values.size();
    }

    /** The table's distribution: each value's share of the records (the q that t-closeness compares against). */
    public double[] shares() {
        double[] q = new double[totals.length];
        for (int s = 0; s < q.length; s++) {
            q[s] = (double) totals[s] / records;
        }
        return q;
    }

    /** Number of values that occur at least once. */
    public int distinctPresent() {
        int present = 0;
        for (long total : totals) {
            if (total > 0) {
                present++;
            }
        }
        return present;
    }
}

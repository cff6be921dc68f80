package org.uepdeid.jobs.verify;

import java.util.Map;

/** A class's and the release's shares of each sensitive value, for the t-closeness distances. */
record Shares(Map<String, Long> classCounts, long classSize, Map<String, Long> overallCounts, long records) {

    static Shares of(Map<String, Long> histogram, Map<String, Long> overall) {
        return new Shares(histogram, histogram.values().stream().mapToLong(Long::longValue).sum(), overall,
                overall.values().stream().mapToLong(Long::longValue).sum());
    }

    double inClass(String value) {
        return (double) classCounts.getOrDefault(value, 0L) / classSize;
    }

    double overall(String value) {
        return (double) overallCounts.getOrDefault(value, 0L) / records;
    }
}

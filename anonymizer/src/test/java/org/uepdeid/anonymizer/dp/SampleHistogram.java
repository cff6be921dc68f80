package org.uepdeid.anonymizer.dp;

import java.util.HashMap;
import java.util.Map;

/** Counts of drawn integers, with the statistics the sampler tests judge them by. */
final class SampleHistogram {

    /** z for a one-sided 10^−5 level: a correct sampler fails a check about once in 100,000 seeds. */
    private static final double Z_CRITICAL = 4.265;

    private final Map<Long, Long> counts = new HashMap<>();
    private long n;
    private double sum;
    private double sumOfSquares;

    void add(long x) {
        counts.merge(x, 1L, Long::sum);
        n++;
        sum += x;
        sumOfSquares += (double) x * x;
    }

    long n() {
        return n;
    }

    double mean() {
        return sum / n;
    }

    double variance() {
        double mean = mean();
        return sumOfSquares / n - mean * mean;
    }

    long atLeast(long k) {
        return counts.entrySet().stream().filter(e -> e.getKey() >= k).mapToLong(Map.Entry::getValue).sum();
    }

    long atMost(long k) {
        return counts.entrySet().stream().filter(e -> e.getKey() <= k).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Pearson's chi-square against {@code pmf}: one bin per integer whose expected count is at least 20 (the body, a
     * run around 0) and one bin for each tail beyond it.
     */
    ChiSquare chiSquare(ExactPmf pmf) {
        long edge = 0;
        while (n * pmf.at(edge + 1) >= 20) {
            edge++;
        }
        double statistic = 0;
        for (long x = -edge; x <= edge; x++) {
            statistic += term(counts.getOrDefault(x, 0L), n * pmf.at(x));
        }
        double tail = pmf.tailFrom(edge + 1); // symmetric: the same below −edge
        statistic += term(atLeast(edge + 1), n * tail);
        statistic += term(atMost(-edge - 1), n * tail);
        return new ChiSquare(statistic, (int) (2 * edge + 2));
    }

    private static double term(long observed, double expected) {
        double d = observed - expected;
        return d * d / expected;
    }

    /** Whether {@code observed} is a plausible count of an event of expected count {@code expected} (Poisson z). */
    static boolean plausibleCount(long observed, double expected) {
        return Math.abs(observed - expected) <= Z_CRITICAL * Math.sqrt(expected) + 1;
    }

    /**
     * A chi-square statistic with its degrees of freedom; {@link #plausible()} compares it with the 10^−5 critical
     * value by the Wilson–Hilferty approximation, accurate to a few percent from a handful of degrees on.
     */
    record ChiSquare(double statistic, int degreesOfFreedom) {

        double critical() {
            double k = degreesOfFreedom;
            double c = 1 - 2 / (9 * k) + Z_CRITICAL * Math.sqrt(2 / (9 * k));
            return k * c * c * c;
        }

        boolean plausible() {
            return statistic <= critical();
        }
    }
}

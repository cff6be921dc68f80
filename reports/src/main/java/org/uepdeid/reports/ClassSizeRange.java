package org.uepdeid.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Equivalence classes whose size falls in {@code [from, to]}, as the class-size chart draws them: one bar per range
 * rather than per size, because a large day has thousands of distinct sizes. The ranges follow the policy's k, where
 * the risk is: {@code k}, {@code k+1–2k}, {@code 2k+1–5k}, {@code 5k+1–10k}, then up to each next power of ten. Sizes
 * below k (a release that fails k-anonymity) get a range of their own.
 */
record ClassSizeRange(long from, long to, long classes, long records) {

    ClassSizeRange {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("report: class size range " + from + "–" + to + " is empty");
        }
        Require.count("classes of size " + from + "–" + to, classes);
        Require.count("records in classes of size " + from + "–" + to, records);
    }

    /**
     * The sizes grouped into ranges, smallest first, from the first range (k, or below k when a class is that
     * small) to the one holding the largest class; ranges in between that hold no class are kept, with zero.
     *
     * @param k the smallest class size the policy allows (1 when it sets none)
     */
    static List<ClassSizeRange> of(List<ClassSize> sizes, long k) {
        if (k < 1) {
            throw new IllegalArgumentException("report: k must be at least 1, got " + k);
        }
        long smallest = sizes.stream().mapToLong(ClassSize::size).min().orElse(k);
        long largest = sizes.stream().mapToLong(ClassSize::size).max().orElse(k);
        List<ClassSizeRange> ranges = new ArrayList<>();
        if (smallest < k) {
            ranges.add(range(sizes, 1, k - 1));
        }
        long from = k;
        for (long to : upperBounds(k, largest)) {
            ranges.add(range(sizes, from, to));
            from = to + 1;
        }
        return ranges;
    }

    /**
     * The upper bounds of the ranges from k on, up to the first at or above {@code largest}: k, 2k, 5k and 10k (where
     * a class's risk, 1 / size, is still close to the policy's limit), then each next power of ten.
     */
    private static List<Long> upperBounds(long k, long largest) {
        List<Long> bounds = new ArrayList<>();
        for (long multiple : new long[] {1, 2, 5, 10}) {
            bounds.add(Math.multiplyExact(k, multiple));
            if (bounds.get(bounds.size() - 1) >= largest) {
                return bounds;
            }
        }
        long power = 10;
        while (power <= 10 * k) {
            power = Math.multiplyExact(power, 10);
        }
        for (; ; power = Math.multiplyExact(power, 10)) {
            bounds.add(power);
            if (power >= largest) {
                return bounds;
            }
        }
    }

    private static ClassSizeRange range(List<ClassSize> sizes, long from, long to) {
        long classes = 0;
        long records = 0;
        for (ClassSize size : sizes) {
            if (size.size() >= from && size.size() <= to) {
                classes += size.classes();
                records += size.records();
            }
        }
        return new ClassSizeRange(from, to, classes, records);
    }

    /** The range as a reader writes it: {@code 10}, {@code 11–20}, {@code 1,001–10,000}. */
    String label() {
        return from == to ? Figures.count(from) : Figures.count(from) + "–" + Figures.count(to);
    }

    /** Whether the range lies below the policy's k. */
    boolean belowK(long k) {
        return to < k;
    }
}

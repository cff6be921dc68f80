package org.uepdeid.jobs.verify;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Recursive (c,l)-diversity: in every class, the most frequent sensitive value is rarer than c times the values from
 * the l-th most frequent on (r1 < c (r_l + ... + r_m)). The figure is r1 over that tail, to be below c; a class with
 * fewer than l values has no tail and an infinite figure.
 */
record RecursiveClMeasure(double c, int l) implements SensitiveMeasure {

    @Override
    public double threshold() {
        return c;
    }

    @Override
    public double ofClass(Map<String, Long> histogram) {
        List<Long> counts = histogram.values().stream().sorted(Comparator.reverseOrder()).toList();
        if (counts.size() < l) {
            return Double.POSITIVE_INFINITY;
        }
        long tail = counts.subList(l - 1, counts.size()).stream().mapToLong(Long::longValue).sum();
        return (double) counts.get(0) / tail;
    }

    @Override
    public boolean largerIsSafer() {
        return false;
    }

    @Override
    public boolean satisfiedBy(double worst) {
        return worst < c;
    }
}

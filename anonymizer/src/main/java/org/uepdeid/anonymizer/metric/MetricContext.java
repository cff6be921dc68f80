package org.uepdeid.anonymizer.metric;

import java.util.List;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * What metrics precompute from: the hierarchies in quasi-identifier order, the base table, and the attribute weights
 * already normalized by their maximum (ARX's rule, METRICS.md §6.1).
 */
public record MetricContext(List<Hierarchy> hierarchies, FrequencyTable base, double[] weights) {

    public MetricContext {
        hierarchies = List.copyOf(hierarchies);
        weights = weights.clone();
        if (weights.length != hierarchies.size() || base.dimensions() != hierarchies.size()) {
            throw new IllegalArgumentException("one hierarchy and one weight per quasi-identifier expected");
        }
    }

    public int dimensions() {
        return hierarchies.size();
    }

    public long records() {
        return base.records();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Records per base value (hierarchy row) of dimension {@code j}. */
    public long[] baseCounts(int j) {
        return base.marginal(j, hierarchies.get(j).size());
    }

    /**
     * An upper bound on the number of classes of any transformation with these levels: the distinct base tuples, or
     * the product of the labels present per attribute, whichever is smaller.
     */
    public double classCountBound(int[] levels, int[][] presentLabels) {
        double product = 1;
        for (int j = 0; j < levels.length; j++) {
            product *= presentLabels[j][levels[j]];
        }
        return Math.min(product, base.size());
    }

    /** presentLabels[j][level]: how many labels of that level carry at least one record. */
    public int[][] presentLabels() {
        int[][] present = new int[dimensions()][];
        for (int j = 0; j < dimensions(); j++) {
            Hierarchy h = hierarchies.get(j);
            long[] counts = baseCounts(j);
            present[j] = new int[h.height() + 1];
            for (int level = 0; level <= h.height(); level++) {
                boolean[] seen = new boolean[h.labelCount(level)];
                for (int row = 0; row < counts.length; row++) {
                    if (counts[row] > 0 && !seen[h.labelOf(row, level)]) {
                        seen[h.labelOf(row, level)] = true;
                        present[j][level]++;
                    }
                }
            }
        }
        return present;
    }
}

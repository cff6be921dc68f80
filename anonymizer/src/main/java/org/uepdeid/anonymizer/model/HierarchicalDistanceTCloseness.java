package org.uepdeid.anonymizer.model;

import java.util.Arrays;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * t-closeness with hierarchical ground distance (METRICS.md §2.7): moving mass between two values costs the height of
 * their lowest common ancestor in the sensitive attribute's hierarchy, over the hierarchy's height.
 */
public record HierarchicalDistanceTCloseness(String attribute, double t, Hierarchy hierarchy) implements SensitiveModel {

    public HierarchicalDistanceTCloseness {
        Validation.requireAttribute(attribute, type());
        Validation.requireShare(t, "t", type());
        if (hierarchy == null) {
            throw new IllegalArgumentException(type() + " on '" + attribute + "' needs a hierarchy");
        }
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        int m = distribution.size();
        int height = hierarchy.height();
        // row[s]: the hierarchy row of sensitive value s.
        int[] row = new int[m];
        for (int s = 0; s < m; s++) {
            row[s] = hierarchy.rowOf(distribution.values().get(s));
            if (row[s] < 0) {
                throw new IllegalArgumentException(type() + ": value '" + distribution.values().get(s)
                        + "' of '" + attribute + "' is missing from hierarchy " + hierarchy.source());
            }
        }
        // up[level] maps a label id at level-1 (for level 1: a sensitive code) to its parent's label id at level.
        int[][] up = new int[height + 1][];
        up[1] = new int[m];
        for (int s = 0; s < m; s++) {
            up[1][s] = hierarchy.labelOf(row[s], 1);
        }
        for (int level = 2; level <= height; level++) {
            up[level] = hierarchy.parentLabel(level - 1, level);
        }
        long[] totals = distribution.totals();
        long n = distribution.records();
        // Scratch, reused: a bound criterion serves one search thread.
        int width = m;
        for (int level = 1; level <= height; level++) {
            width = Math.max(width, hierarchy.labelCount(level));
        }
        long[] extras = new long[width];
        long[] pos = new long[width];
        long[] neg = new long[width];
        return (count, histograms, offset) -> {
            // Integer extras f_R(s)*n_E - f_E(s)*n, as ARX computes them; each inner node nets its children's extras.
            for (int s = 0; s < m; s++) {
                extras[s] = totals[s] * count - (long) histograms[offset + s] * n;
            }
            int children = m;
            double cost = 0;
            for (int level = 1; level <= height; level++) {
                int labels = hierarchy.labelCount(level);
                Arrays.fill(pos, 0, labels, 0);
                Arrays.fill(neg, 0, labels, 0);
                for (int child = 0; child < children; child++) {
                    long extra = extras[child];
                    if (extra > 0) {
                        pos[up[level][child]] += extra;
                    } else {
                        neg[up[level][child]] -= extra;
                    }
                }
                for (int u = 0; u < labels; u++) {
                    cost += ((double) level / height) * Math.min(pos[u], neg[u]);
                    extras[u] = pos[u] - neg[u];
                }
                children = labels;
            }
            return cost / ((double) n * count) <= t;
        };
    }
}

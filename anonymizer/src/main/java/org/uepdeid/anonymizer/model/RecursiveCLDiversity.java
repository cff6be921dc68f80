package org.uepdeid.anonymizer.model;

import java.util.Arrays;

/** Recursive (c,l)-diversity: the most frequent sensitive value is rarer than c times the l-th and less frequent. */
public record RecursiveCLDiversity(String attribute, double c, int l) implements SensitiveModel {

    public RecursiveCLDiversity {
        Validation.requireAttribute(attribute, type());
        if (!(c > 0)) {
            throw new IllegalArgumentException(type() + ": c must be positive, got " + c);
        }
        Validation.requireAtLeastOne(l, "l", type());
    }

    @Override
    public int requiredDistinctValues() {
        return l;
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        int m = distribution.size();
        int[] present = new int[m]; // scratch, reused: a bound criterion serves one search thread
        return (count, histograms, offset) -> {
            int d = 0;
            for (int s = 0; s < m; s++) {
                if (histograms[offset + s] > 0) {
                    present[d++] = histograms[offset + s];
                }
            }
            if (d < l) {
                return false;
            }
            Arrays.sort(present, 0, d); // ascending: r_1 is present[d-1], r_l .. r_d are present[0 .. d-l]
            long tail = 0;
            for (int i = 0; i <= d - l; i++) {
                tail += present[i];
            }
            return present[d - 1] < c * tail;
        };
    }
}

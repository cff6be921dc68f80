package org.uepdeid.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The class-size distribution of a large day without running one: thousands of distinct sizes from k = 10 up, most
 * classes small and a long tail of large ones, as 100,000 devices spread over a coarse generalization give.
 */
final class LargeDay {

    static final int DISTINCT_SIZES = 3_000;

    private LargeDay() {
    }

    /** Sizes 10 to 3,009, one entry each, with fewer classes the larger the size. */
    static List<ClassSize> classSizes() {
        List<ClassSize> sizes = new ArrayList<>(DISTINCT_SIZES);
        for (int i = 0; i < DISTINCT_SIZES; i++) {
            long size = 10 + i;
            long classes = Math.max(1, 2_000 / size);
            sizes.add(new ClassSize(size, classes, size * classes));
        }
        return sizes;
    }
}

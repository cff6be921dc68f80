package org.uepdeid.anonymizer.search;

import java.util.Arrays;

/**
 * The lattice of level vectors: one level per quasi-identifier, from 0 to its hierarchy's height. A node is numbered
 * in mixed radix with the first attribute most significant, so numeric order is lexicographic order of vectors.
 */
final class GeneralizationLattice {

    private final int[] heights;
    private final long[] radix;
    private final long size;

    public GeneralizationLattice(int[] heights) {
        if (heights.length == 0) {
            throw new IllegalArgumentException("a lattice needs at least one quasi-identifier");
        }
        this.heights = heights.clone();
        this.radix = new long[heights.length];
        long product = 1;
        for (int j = heights.length - 1; j >= 0; j--) {
            if (heights[j] < 0) {
                throw new IllegalArgumentException("negative height " + heights[j]);
            }
            radix[j] = product;
            product = Math.multiplyExact(product, heights[j] + 1L);
        }
        this.size = product;
    }

    public int dimensions() {
        return heights.length;
    }

    public int height(int dimension) {
        return heights[dimension];
    }

    public int[] heights() {
        return heights.clone();
    }

    /** The number of nodes. */
    public long size() {
        return size;
    }

    public long id(int[] levels) {
        long id = 0;
        for (int j = 0; j < levels.length; j++) {
            id += levels[j] * radix[j];
        }
        return id;
    }

    public int[] levels(long id) {
        int[] levels = new int[heights.length];
        for (int j = 0; j < heights.length; j++) {
            levels[j] = (int) (id / radix[j] % (heights[j] + 1));
        }
        return levels;
    }

    /** The sum of the levels: the node's rank in the lattice. */
    public static int level(int[] levels) {
        return Arrays.stream(levels).sum();
    }

    /** The id of the node one level up in {@code dimension}, or -1 at the top. */
    public long successor(long id, int dimension) {
        return (id / radix[dimension] % (heights[dimension] + 1)) == heights[dimension] ? -1 : id + radix[dimension];
    }

    /** The id of the node one level down in {@code dimension}, or -1 at the bottom. */
    public long predecessor(long id, int dimension) {
        return (id / radix[dimension] % (heights[dimension] + 1)) == 0 ? -1 : id - radix[dimension];
    }

    /** Whether {@code finer} is at or below {@code coarser} in every dimension. */
    public static boolean isGeneralizationOf(int[] coarser, int[] finer) {
        for (int j = 0; j < coarser.length; j++) {
            if (finer[j] > coarser[j]) {
                return false;
            }
        }
        return true;
    }
}

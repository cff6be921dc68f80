package org.uepdeid.anonymizer.dp;

/**
 * How much one device can change one measure of a product's release, from its contribution bounds. A device feeds at
 * most {@code maxCellsPerDevice} cells (L0, the product's {@code max_cells_per_device}) and changes each by at most
 * {@code maxPerCell} (L∞: 1 for a count of distinct devices, which counts a device once per cell; the per-cell cap
 * for a sum). Adding or removing the device therefore moves the vector of the measure's cells by a vector with at most
 * L0 non-zero entries, each at most L∞ in absolute value, whose norms are at most
 * <ul>
 *   <li>Δ₁ = L0·L∞ (the sum of L0 entries of at most L∞), which calibrates the discrete Laplace, and</li>
 *   <li>Δ₂ = √(L0·L∞²) = √L0·L∞, which calibrates the discrete Gaussian; it is kept squared, an integer, so σ² stays
 *       an exact rational.</li>
 * </ul>
 *
 * @param maxCellsPerDevice L0, at least 1
 * @param maxPerCell        L∞, at least 1, in the measure's integer unit
 */
public record Sensitivity(long maxCellsPerDevice, long maxPerCell) {

    public Sensitivity {
        if (maxCellsPerDevice < 1) {
            throw new IllegalArgumentException("max_cells_per_device must be at least 1, got " + maxCellsPerDevice);
        }
        if (maxPerCell < 1) {
            throw new IllegalArgumentException("a measure's per-cell bound must be at least 1, got " + maxPerCell);
        }
        squaredNorm(maxCellsPerDevice, maxPerCell); // rejects bounds whose product overflows, once, here
    }

    /** Δ₁ = L0·L∞. */
    public long l1() {
        return Math.multiplyExact(maxCellsPerDevice, maxPerCell);
    }

    /** Δ₂² = L0·L∞². */
    public long l2Squared() {
        return squaredNorm(maxCellsPerDevice, maxPerCell);
    }

    private static long squaredNorm(long cells, long perCell) {
        try {
            return Math.multiplyExact(cells, Math.multiplyExact(perCell, perCell));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("contribution bounds " + cells + " cells × " + perCell
                    + " per cell are too large: L0·L∞² must fit in 63 bits", e);
        }
    }
}

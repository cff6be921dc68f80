package org.uepdeid.anonymizer.dp;

import java.io.Serializable;

/**
 * Differentially private partition selection for an open domain (cells not known in advance, such as app id ×
 * version): a cell is published only if its noisy device count reaches the threshold τ, and the same noisy count is
 * what it publishes. This is the thresholding of Korolova, Kenthapadi, Mishra and Ntoulas (2009), "Releasing search
 * queries and clicks privately", as Google's differential-privacy library applies it with Laplace and Gaussian noise
 * (Desfontaines, Voss, Gipson and Mandayam 2022, "Differentially private partition selection"; for the Gaussian case
 * Wilkins, Kifer, Zhang and Karrer 2024, "Exact privacy analysis of the Gaussian sparse histogram mechanism").
 *
 * <p>Why it holds: of two datasets that differ by one device, the cells both hold get noisy counts under the
 * mechanism's own guarantee, and thresholding them is post-processing. The cells only one holds — at most L0, the
 * device's {@code max_cells_per_device}, each with a device count of exactly 1 — appear only if 1 + Z ≥ τ. τ is the
 * smallest integer with P(Z ≥ τ − 1) ≤ δ/L0, so by a union bound the chance that any of them appears is at most δ,
 * which adds to the release's δ ({@link #deltaSpent()}).
 *
 * <p>Serializable, like the noise, for the executors that filter the cells.
 */
public final class PartitionSelection implements Serializable {

    private final NoiseDistribution deviceNoise;
    private final long maxCellsPerDevice;
    private final double delta;
    private final long threshold;

    private PartitionSelection(NoiseDistribution deviceNoise, long maxCellsPerDevice, double delta) {
        this.deviceNoise = deviceNoise;
        this.maxCellsPerDevice = maxCellsPerDevice;
        this.delta = delta;
        this.threshold = deviceNoise.smallestTailAtMost(delta / maxCellsPerDevice) + 1;
    }

    /**
     * The selection for this device-count noise, L0 and δ, with τ computed from the noise's exact tail.
     *
     * @param deviceNoise       the noise on the device counts
     * @param maxCellsPerDevice L0
     * @param delta             the selection's share of δ, in (0, 1)
     */
    public static PartitionSelection of(NoiseDistribution deviceNoise, long maxCellsPerDevice, double delta) {
        if (deviceNoise == null) {
            throw new IllegalArgumentException("partition selection: the device-count noise is required");
        }
        if (maxCellsPerDevice < 1) {
            throw new IllegalArgumentException("partition selection: max_cells_per_device must be at least 1, got "
                    + maxCellsPerDevice);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("partition selection: delta must be in (0, 1), got " + delta);
        }
        return new PartitionSelection(deviceNoise, maxCellsPerDevice, delta);
    }

    /** τ: the smallest published device count. */
    public long threshold() {
        return threshold;
    }

    /** Whether a cell with this noisy device count is published. */
    public boolean keeps(long noisyDevices) {
        return noisyDevices >= threshold;
    }

    /** The chance, at most δ/L0, that a cell of one device is published: P(1 + Z ≥ τ). */
    public double singleDeviceCellProbability() {
        return deviceNoise.upperTail(threshold - 1);
    }

    /** The δ this selection really adds, L0 · P(1 + Z ≥ τ) rounded up: at most {@link #delta()}. */
    public double deltaSpent() {
        return Math.min(delta, Rational.of(maxCellsPerDevice).multiply(Rational.of(singleDeviceCellProbability()))
                .toDoubleCeiling());
    }
}

package org.uepdeid.anonymizer.metric;

import java.util.Arrays;

/**
 * An information-loss value: a number, or for ARX's RANK aggregate a vector compared lexicographically. A number is
 * a one-element vector, so one comparison serves both.
 */
public record InformationLoss(double[] values, boolean ranked) implements Comparable<InformationLoss> {

    public InformationLoss {
        values = values.clone();
    }

    public static InformationLoss of(double value) {
        return new InformationLoss(new double[] {value}, false);
    }

    /** The scalar value; for a ranked vector, its first (largest) element. */
    public double value() {
        return values[0];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public int compareTo(InformationLoss other) {
        int n = Math.min(values.length, other.values.length);
        for (int i = 0; i < n; i++) {
            int c = Double.compare(values[i], other.values[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.length, other.values.length);
    }

    /**
     * A value a hair below this one. Lower bounds are computed in another summation order than the exact losses they
     * bound; lowering them keeps a bound that equals the exact loss from ever exceeding it by a rounding error.
     */
    public InformationLoss loweredForRounding() {
        double[] lowered = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            lowered[i] = values[i] - Math.abs(values[i]) * 1e-9 - 1e-12;
        }
        return new InformationLoss(lowered, ranked);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InformationLoss other && ranked == other.ranked && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Boolean.hashCode(ranked);
    }

    @Override
    public String toString() {
        return ranked ? Arrays.toString(values) : Double.toString(values[0]);
    }
}

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
     * Compares like {@link #compareTo} but calls values equal when they differ by no more than rounding could explain
     * (relative 1e-9, absolute 1e-12): lower bounds are summed in another order than the losses they bound.
     */
    public int compareApproximately(InformationLoss other) {
        int n = Math.min(values.length, other.values.length);
        for (int i = 0; i < n; i++) {
            double a = values[i];
            double b = other.values[i];
            if (Double.isInfinite(a) || Double.isInfinite(b)) {
                int c = Double.compare(a, b); // a tolerance relative to infinity would call everything equal
                if (c != 0) {
                    return c;
                }
            } else if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12) {
                return a < b ? -1 : 1;
            }
        }
        return Integer.compare(values.length, other.values.length);
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

package org.uepdeid.anonymizer.dp;

/**
 * The one allowance for floating-point error in the accounting (never in the noise): a bound computed in doubles is
 * moved by a relative 10^−12, far above the error of the few operations behind it and far below anything a budget
 * could notice, in the direction that keeps it a bound.
 */
final class RoundingMargin {

    private static final double RELATIVE = 1e-12;

    private RoundingMargin() {
    }

    /** A computed upper bound, made safe. */
    static double above(double upperBound) {
        return upperBound * (1 + RELATIVE);
    }

    /** A computed lower bound, made safe. */
    static double below(double lowerBound) {
        return lowerBound * (1 - RELATIVE);
    }
}

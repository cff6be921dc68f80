package org.uepdeid.anonymizer.dp;

/**
 * An (ε, δ)-DP guarantee, or a budget stated as one.
 *
 * @param epsilon finite, not negative
 * @param delta   in [0, 1)
 */
public record EpsilonDelta(double epsilon, double delta) {

    public EpsilonDelta {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and not negative, got " + epsilon);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }
    }
}

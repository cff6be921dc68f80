package org.uepdeid.anonymizer.dp;

import java.util.OptionalDouble;

/**
 * What a window still holds for more charges: ε in (ε, δ) terms, the δ partition selection may still spend, and for a
 * zCDP budget the ρ that still converts within ε. Each figure assumes the others stay as they are.
 *
 * @param epsilon        ε the window can still lose
 * @param selectionDelta δ partition selection can still spend
 * @param rho            ρ a zCDP charge could still add; empty under a pure budget
 */
public record Remaining(double epsilon, double selectionDelta, OptionalDouble rho) {

    /** The least of each figure: what a charge that must fit both windows can use. */
    Remaining min(Remaining other) {
        return new Remaining(Math.min(epsilon, other.epsilon), Math.min(selectionDelta, other.selectionDelta),
                rho.isPresent() ? OptionalDouble.of(Math.min(rho.getAsDouble(), other.rho.getAsDouble())) : rho);
    }
}

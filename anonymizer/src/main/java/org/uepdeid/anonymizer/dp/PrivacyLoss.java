package org.uepdeid.anonymizer.dp;

/**
 * An amount of privacy loss in one accounting: ρ under zCDP, ε under pure DP. Sums round up and shares round down
 * (exactly, through {@link Rational}), so adding up parts never understates what they cost together and splitting a
 * share never hands out more than it holds.
 *
 * @param accounting how {@code value} composes
 * @param value      ρ or ε, finite and not negative
 */
public record PrivacyLoss(Accounting accounting, double value) {

    public PrivacyLoss {
        if (accounting == null) {
            throw new IllegalArgumentException("privacy loss: the accounting is required");
        }
        if (!(value >= 0) || !Double.isFinite(value)) {
            String name = accounting == Accounting.ZCDP ? "rho" : "epsilon";
            throw new IllegalArgumentException("privacy loss: " + name + " must be finite and not negative, got "
                    + value);
        }
    }

    public static PrivacyLoss zcdp(double rho) {
        return new PrivacyLoss(Accounting.ZCDP, rho);
    }

    public static PrivacyLoss pure(double epsilon) {
        return new PrivacyLoss(Accounting.PURE, epsilon);
    }

    /** The composition of this loss and {@code other}: their sum, rounded up. */
    public PrivacyLoss plus(PrivacyLoss other) {
        if (other.accounting != accounting) {
            throw new IllegalArgumentException("privacy loss: cannot add " + other.accounting.manifestName()
                    + " loss to " + accounting.manifestName() + " loss");
        }
        return new PrivacyLoss(accounting, Rational.of(value).add(Rational.of(other.value)).toDoubleCeiling());
    }

    /** The part {@code fraction} (in [0, 1]) of this loss, rounded down. */
    public PrivacyLoss times(Rational fraction) {
        return new PrivacyLoss(accounting, Rational.of(value).multiply(fraction).toDoubleFloor());
    }
}

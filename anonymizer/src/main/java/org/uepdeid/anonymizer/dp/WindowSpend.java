package org.uepdeid.anonymizer.dp;

import java.util.Collection;

/**
 * The exact totals of the charges in one window (or one release), in the units that compose: ρ of zCDP charges, ε of
 * pure ones, δ of partition selections. {@link PrivacyBudget#lossOf} turns them into the window's (ε, δ).
 *
 * @param rho            the sum of ρ over zCDP charges
 * @param pureEpsilon    the sum of ε over pure charges
 * @param selectionDelta the sum of partition-selection δ over all charges
 */
public record WindowSpend(Rational rho, Rational pureEpsilon, Rational selectionDelta) {

    public static final WindowSpend NOTHING = new WindowSpend(Rational.ZERO, Rational.ZERO, Rational.ZERO);

    public static WindowSpend of(Collection<BudgetCharge> charges) {
        WindowSpend total = NOTHING;
        for (BudgetCharge charge : charges) {
            total = total.plus(charge.spend());
        }
        return total;
    }

    public WindowSpend plus(WindowSpend other) {
        return new WindowSpend(rho.add(other.rho), pureEpsilon.add(other.pureEpsilon),
                selectionDelta.add(other.selectionDelta));
    }

    /** Whether any ρ is spent, so the window's δ is split for a zCDP conversion. */
    public boolean hasZcdp() {
        return rho.signum() > 0;
    }
}

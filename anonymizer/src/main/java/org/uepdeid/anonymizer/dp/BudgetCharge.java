package org.uepdeid.anonymizer.dp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One entry of the privacy-budget ledger ({@code ledger/privacy_budget/}): what one product of one release charged
 * against the budget of the day whose data it released. A replacement release of a day is simply another charge on that
 * day.
 *
 * <p>How a window composes the columns (so a reader must not simply add up {@code epsilon}):
 * <ul>
 *   <li>{@code rho}, present for zCDP charges: adds up; the window's total ρ is converted to (ε, δ) once;</li>
 *   <li>{@code epsilon}: adds up for pure charges; for zCDP charges it only states what that ρ alone would be in ε at
 *       the budget's conversion δ (ε is concave in ρ, so adding those would overstate the window);</li>
 *   <li>{@code delta}: the δ of the charge's partition selection (0 with public cells); always adds up.</li>
 * </ul>
 *
 * @param date       the day whose data the release holds
 * @param releaseId  the release (first or replacement)
 * @param product    the statistics product
 * @param epsilon    see above
 * @param delta      the partition-selection δ
 * @param rho        ρ for a zCDP charge, empty for a pure one
 * @param recordedAt when the charge was appended, before anything was published
 */
public record BudgetCharge(LocalDate date, String releaseId, String product, double epsilon, double delta,
                           OptionalDouble rho, Instant recordedAt) {

    public BudgetCharge {
        if (date == null || recordedAt == null) {
            throw new IllegalArgumentException("budget charge: date and recorded_at are required");
        }
        if (releaseId == null || releaseId.isBlank() || product == null || product.isBlank()) {
            throw new IllegalArgumentException("budget charge of " + date + ": release id and product are required");
        }
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("budget charge " + releaseId + "/" + product
                    + ": epsilon must be finite and not negative, got " + epsilon);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("budget charge " + releaseId + "/" + product
                    + ": delta must be in [0, 1), got " + delta);
        }
        if (rho == null || rho.isPresent() && (!(rho.getAsDouble() >= 0) || !Double.isFinite(rho.getAsDouble()))) {
            throw new IllegalArgumentException("budget charge " + releaseId + "/" + product
                    + ": rho must be empty or finite and not negative, got " + rho);
        }
    }

    /**
     * The charge of one product: its measures' composed loss and its selection's δ, with the {@code epsilon} column
     * filled as described above.
     */
    public static BudgetCharge of(LocalDate date, String releaseId, String product, PrivacyLoss spent,
                                  double selectionDelta, PrivacyBudget budget, Instant recordedAt) {
        if (spent.accounting() == Accounting.PURE) {
            return new BudgetCharge(date, releaseId, product, spent.value(), selectionDelta, OptionalDouble.empty(),
                    recordedAt);
        }
        double conversionDelta = DeltaSplit.of(budget.total().delta(), true).conversion();
        return new BudgetCharge(date, releaseId, product, ZcdpConversion.epsilon(spent.value(), conversionDelta),
                selectionDelta, OptionalDouble.of(spent.value()), recordedAt);
    }

    /** What this charge adds to any window that holds its date. */
    WindowSpend spend() {
        return rho.isPresent()
                ? new WindowSpend(Rational.of(rho.getAsDouble()), Rational.ZERO, Rational.of(delta))
                : new WindowSpend(Rational.ZERO, Rational.of(epsilon), Rational.of(delta));
    }
}

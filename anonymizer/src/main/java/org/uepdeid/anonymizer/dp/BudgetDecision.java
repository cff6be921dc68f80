package org.uepdeid.anonymizer.dp;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a release's charges fit the budget in every window that holds their day, and if not, what is left and from
 * when a release of that size fits again.
 *
 * @param date          the release's day
 * @param fits          whether every window of {@code periodDays} days holding {@code date} stays within the budget
 * @param release       what the release charges
 * @param tightestStart the first day of the window with the least ε left (the first that would go over, if any)
 * @param left          what the windows holding {@code date} still hold before this release, the least of each
 * @param fitsFrom      the first day from {@code date} on where a charge of this size fits ({@code date} itself when
 *                      it fits now); empty when it would not fit even an empty window
 */
public record BudgetDecision(LocalDate date, boolean fits, WindowSpend release, LocalDate tightestStart,
                             Remaining left, Optional<LocalDate> fitsFrom) {

    /** One line for the operator; budget figures only, nothing about any device. */
    public String describe(PrivacyBudget budget) {
        EpsilonDelta after = budget.lossOf(release);
        String leftText = "epsilon " + left.epsilon() + (left.rho().isPresent() ? ", rho " + left.rho().getAsDouble()
                : "") + ", selection delta " + left.selectionDelta();
        if (fits) {
            return "the release of " + date + " fits the budget (left before it: " + leftText + ")";
        }
        return "the release of " + date + " (epsilon " + after.epsilon() + ", delta " + after.delta() + " alone) "
                + "would take the " + budget.periodDays() + "-day window from " + tightestStart + " over the budget "
                + "(epsilon " + budget.total().epsilon() + ", delta " + budget.total().delta() + "); left there: "
                + leftText + "; " + fitsFrom.map(d -> "a release of this size fits again from " + d)
                .orElse("a release of this size never fits: it is larger than the whole budget");
    }
}

package org.uepdeid.anonymizer.dp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The charges recorded so far (the ledger's entries, however stored) and the window rule over them: the charges of any
 * {@code periodDays} consecutive days must stay within the budget ({@link PrivacyBudget#fits}). A new release changes
 * only the windows that hold its day, so those are the ones checked.
 */
public final class BudgetLedger {

    private final List<BudgetCharge> charges;
    private final NavigableMap<LocalDate, WindowSpend> byDay = new TreeMap<>();

    public BudgetLedger(Collection<BudgetCharge> charges) {
        this.charges = List.copyOf(charges);
        for (BudgetCharge charge : this.charges) {
            byDay.merge(charge.date(), charge.spend(), WindowSpend::plus);
        }
    }

    /** This ledger with {@code more} appended. */
    public BudgetLedger with(Collection<BudgetCharge> more) {
        List<BudgetCharge> all = new ArrayList<>(charges);
        all.addAll(more);
        return new BudgetLedger(all);
    }

    /** The totals of the charges dated {@code first} to {@code last}, both included. */
    public WindowSpend spent(LocalDate first, LocalDate last) {
        WindowSpend total = WindowSpend.NOTHING;
        for (WindowSpend day : byDay.subMap(first, true, last, true).values()) {
            total = total.plus(day);
        }
        return total;
    }

    /** Whether these charges of one release, all of one day, fit every window holding that day. */
    public BudgetDecision decide(PrivacyBudget budget, List<BudgetCharge> release) {
        if (release.isEmpty()) {
            throw new IllegalArgumentException("a release to charge needs at least one charge");
        }
        LocalDate date = release.get(0).date();
        for (BudgetCharge charge : release) {
            if (!charge.date().equals(date)) {
                throw new IllegalArgumentException("one release charges one day; got " + date + " and "
                        + charge.date());
            }
        }
        WindowSpend charge = WindowSpend.of(release);
        Remaining left = null;
        LocalDate firstOver = null;
        LocalDate leastLeft = null;
        double leastEpsilonLeft = Double.POSITIVE_INFINITY;
        for (LocalDate start : windowStartsHolding(date, budget)) {
            WindowSpend before = spent(start, start.plusDays(budget.periodDays() - 1L));
            Remaining windowLeft = budget.remaining(before);
            left = left == null ? windowLeft : left.min(windowLeft);
            if (firstOver == null && !budget.fits(before.plus(charge))) {
                firstOver = start;
            }
            if (windowLeft.epsilon() < leastEpsilonLeft) {
                leastLeft = start;
                leastEpsilonLeft = windowLeft.epsilon();
            }
        }
        boolean fits = firstOver == null;
        return new BudgetDecision(date, fits, charge, fits ? leastLeft : firstOver, left,
                fits ? Optional.of(date) : fitsFrom(budget, date.plusDays(1), charge));
    }

    /**
     * The first day from {@code from} on where {@code charge} fits every window holding the day, if it fits an empty
     * window at all. The search ends: from the last charged day plus a period on, every such window is empty.
     */
    private Optional<LocalDate> fitsFrom(PrivacyBudget budget, LocalDate from, WindowSpend charge) {
        if (!budget.fits(charge)) {
            return Optional.empty();
        }
        for (LocalDate day = from; ; day = day.plusDays(1)) {
            if (fitsOn(budget, day, charge)) {
                return Optional.of(day);
            }
        }
    }

    private boolean fitsOn(PrivacyBudget budget, LocalDate day, WindowSpend charge) {
        for (LocalDate start : windowStartsHolding(day, budget)) {
            if (!budget.fits(spent(start, start.plusDays(budget.periodDays() - 1L)).plus(charge))) {
                return false;
            }
        }
        return true;
    }

    /** The first days of the {@code periodDays} windows that hold {@code day}, earliest first. */
    private static List<LocalDate> windowStartsHolding(LocalDate day, PrivacyBudget budget) {
        return day.minusDays(budget.periodDays() - 1L).datesUntil(day.plusDays(1)).toList();
    }
}

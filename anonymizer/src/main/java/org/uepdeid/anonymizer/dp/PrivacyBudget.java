package org.uepdeid.anonymizer.dp;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The most one device may lose over any {@code periodDays} consecutive days, all releases together (the config's
 * {@code aggregates.privacy}: {@code budget}, {@code period_days}, {@code per_release}), and the rules that hold every
 * window to it.
 *
 * <p>A window of charges fits when the δ its partition selections spent is within the selection's part of the
 * budget's δ and its ε is within the budget's ε, where its ε is the pure charges' ε's added up plus, if it holds zCDP
 * charges, their ρ's added up and converted at the conversion part of δ ({@link ZcdpConversion}; how δ is divided is
 * {@link DeltaSplit}'s one rule). Its (ε, δ) is that ε with δ = what selection spent + the conversion δ.
 *
 * <p>A release's share ({@link #releaseShare()}): {@code per_release} when given; otherwise the budget spread evenly
 * over the window's days, in the unit that composes: ρ (the ρ the whole budget buys, divided by {@code periodDays})
 * under zCDP, ε under pure DP, and selection δ alike. So a window of {@code periodDays} daily releases, each spending
 * its share, fits exactly.
 *
 * @param accounting how the configured mechanism's releases are charged
 * @param periodDays the window, in days, at least 1
 * @param total      the budget of any window; its δ must be positive under zCDP
 * @param perRelease what one release may spend, at most the budget; empty for the even spread
 */
public record PrivacyBudget(Accounting accounting, int periodDays, EpsilonDelta total,
                            Optional<EpsilonDelta> perRelease) {

    public PrivacyBudget {
        if (accounting == null || total == null || perRelease == null) {
            throw new IllegalArgumentException("privacy budget: accounting, budget and per_release are required");
        }
        if (periodDays < 1) {
            throw new IllegalArgumentException("privacy budget: period_days must be at least 1, got " + periodDays);
        }
        if (!(total.epsilon() > 0)) {
            throw new IllegalArgumentException("privacy budget: epsilon must be positive, got " + total.epsilon());
        }
        if (accounting == Accounting.ZCDP && !(total.delta() > 0)) {
            throw new IllegalArgumentException("privacy budget: delta must be positive under zCDP (it converts ρ "
                    + "to (ε, δ)), got " + total.delta());
        }
        perRelease.ifPresent(release -> {
            if (!(release.epsilon() > 0) || release.epsilon() > total.epsilon()) {
                throw new IllegalArgumentException("privacy budget: per_release epsilon " + release.epsilon()
                        + " must be positive and at most the budget's " + total.epsilon());
            }
            if (release.delta() > total.delta() || accounting == Accounting.ZCDP && !(release.delta() > 0)) {
                throw new IllegalArgumentException("privacy budget: per_release delta " + release.delta()
                        + " must be at most the budget's " + total.delta()
                        + (accounting == Accounting.ZCDP ? " and positive under zCDP" : ""));
            }
        });
    }

    /** What one release may spend, before its split over products. */
    public ReleaseShare releaseShare() {
        boolean zcdp = accounting == Accounting.ZCDP;
        EpsilonDelta source = perRelease.orElse(total);
        DeltaSplit split = DeltaSplit.of(source.delta(), zcdp);
        double loss = zcdp ? ZcdpConversion.rho(source.epsilon(), split.conversion()) : source.epsilon();
        double selection = split.selection();
        if (perRelease.isEmpty()) {
            loss = perDay(loss);
            selection = perDay(selection);
        }
        return new ReleaseShare(new PrivacyLoss(accounting, loss), selection);
    }

    /** The window's (ε, δ), as the rules above define it. */
    public EpsilonDelta lossOf(WindowSpend spend) {
        DeltaSplit split = split(spend.hasZcdp());
        double epsilon = spend.pureEpsilon().toDoubleCeiling();
        double delta = spend.selectionDelta().toDoubleCeiling();
        if (spend.hasZcdp()) {
            epsilon = Rational.of(epsilon).add(Rational.of(
                    ZcdpConversion.epsilon(spend.rho().toDoubleCeiling(), split.conversion()))).toDoubleCeiling();
            delta = Rational.of(delta).add(Rational.of(split.conversion())).toDoubleCeiling();
        }
        return new EpsilonDelta(epsilon, Math.min(delta, Math.nextDown(1.0)));
    }

    /** Whether a window with these charges stays within the budget. */
    public boolean fits(WindowSpend spend) {
        return spend.selectionDelta().compareTo(Rational.of(split(spend.hasZcdp()).selection())) <= 0
                && lossOf(spend).epsilon() <= total.epsilon();
    }

    /** What a window with these charges still holds. */
    public Remaining remaining(WindowSpend spend) {
        DeltaSplit split = split(accounting == Accounting.ZCDP || spend.hasZcdp());
        double epsilonLeft = Math.max(0, Rational.of(total.epsilon())
                .subtract(Rational.of(lossOf(spend).epsilon())).toDoubleFloor());
        double selectionLeft = Math.max(0, Rational.of(split.selection()).subtract(spend.selectionDelta())
                .toDoubleFloor());
        OptionalDouble rhoLeft = OptionalDouble.empty();
        if (accounting == Accounting.ZCDP) {
            double pureLeft = Math.max(0, Rational.of(total.epsilon()).subtract(spend.pureEpsilon()).toDoubleFloor());
            rhoLeft = OptionalDouble.of(Math.max(0, Rational.of(ZcdpConversion.rho(pureLeft, split.conversion()))
                    .subtract(spend.rho()).toDoubleFloor()));
        }
        return new Remaining(epsilonLeft, selectionLeft, rhoLeft);
    }

    private DeltaSplit split(boolean zcdp) {
        return DeltaSplit.of(total.delta(), zcdp);
    }

    private double perDay(double value) {
        return Rational.of(value).divide(Rational.of(periodDays)).toDoubleFloor();
    }
}

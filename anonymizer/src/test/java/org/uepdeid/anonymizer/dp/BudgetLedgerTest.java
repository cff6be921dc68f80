package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The window rule on hand-computed ledgers: which releases fit, what is left, and from when a refused size fits. */
class BudgetLedgerTest {

    private static final LocalDate NOV = LocalDate.of(2026, 10, 31); // NOV.plusDays(d) is 2026-11-d
    private static final Instant AT = Instant.parse("2026-11-28T02:00:00Z");

    /** Pure DP, ε = 5 over any 5 days: the ε's of a window simply add up. */
    private static final PrivacyBudget FIVE_OVER_FIVE_DAYS =
            new PrivacyBudget(Accounting.PURE, 5, new EpsilonDelta(5, 1e-6), Optional.empty());

    @Test
    void aChargeThatFillsTheWindowExactlyFits() {
        BudgetLedger ledger = ledger(pure(1, 1), pure(2, 1), pure(3, 1), pure(4, 1));

        BudgetDecision decision = ledger.decide(FIVE_OVER_FIVE_DAYS, List.of(pure(5, 1)));

        assertThat(decision.fits()).isTrue();
        assertThat(decision.fitsFrom()).contains(nov(5));
        assertThat(decision.left().epsilon()).isEqualTo(1); // [1, 5] held 4 of 5
        assertThat(decision.tightestStart()).isEqualTo(nov(1));
    }

    /**
     * Days 1..4 charged 2, 1, 1, 1. A charge of 2 on day 5 makes [1, 5] 7 > 5. On day 6 the windows holding it are
     * [2, 6] = 1+1+1+2 = 5 and later ones with less: it fits from day 6. A charge of 3: [2, 6] = 6 on day 6, [3, 7] =
     * 1+1+3 = 5 on day 7, so day 7. A charge of 6 fits no window at all.
     */
    @Test
    void aChargeOverTheBudgetIsRefusedWithTheDayItFitsAgain() {
        BudgetLedger ledger = ledger(pure(1, 2), pure(2, 1), pure(3, 1), pure(4, 1));

        BudgetDecision two = ledger.decide(FIVE_OVER_FIVE_DAYS, List.of(pure(5, 2)));
        assertThat(two.fits()).isFalse();
        assertThat(two.tightestStart()).isEqualTo(nov(1));
        assertThat(two.left().epsilon()).isZero();
        assertThat(two.fitsFrom()).contains(nov(6));

        assertThat(ledger.decide(FIVE_OVER_FIVE_DAYS, List.of(pure(5, 3))).fitsFrom()).contains(nov(7));
        assertThat(ledger.decide(FIVE_OVER_FIVE_DAYS, List.of(pure(5, 6))).fitsFrom()).isEmpty();
        assertThat(two.describe(FIVE_OVER_FIVE_DAYS))
                .contains("2026-11-05", "2026-11-01", "fits again from 2026-11-06");
    }

    /**
     * A charge dated later than the new one (day 10, ε 4) counts in every window holding both: day 8 with 2 is refused
     * ([6, 10] = 6), and so is every day up to 14 ([10, 14]); day 15 is the first whose windows miss day 10.
     */
    @Test
    void laterChargesCountInTheWindowsTheyShare() {
        BudgetLedger ledger = ledger(pure(10, 4));

        BudgetDecision decision = ledger.decide(FIVE_OVER_FIVE_DAYS, List.of(pure(8, 2)));

        assertThat(decision.fits()).isFalse();
        assertThat(decision.tightestStart()).isEqualTo(nov(6));
        assertThat(decision.fitsFrom()).contains(nov(15));
        assertThat(ledger.decide(FIVE_OVER_FIVE_DAYS, List.of(pure(8, 1))).fits()).isTrue();
    }

    /**
     * A budget that holds one release per period ({@code per_release} = the whole budget over 30 days): day 1 fits, a
     * replacement of day 1 and day 2 are refused, and the next release fits on day 31, the first whose windows miss
     * day 1.
     */
    @Test
    void aBudgetOfOneReleasePerPeriodRefusesTheSecond() {
        PrivacyBudget budget = new PrivacyBudget(Accounting.PURE, 30, new EpsilonDelta(1, 0),
                Optional.of(new EpsilonDelta(1, 0)));
        double share = budget.releaseShare().loss().value();
        assertThat(share).isEqualTo(1);

        BudgetLedger ledger = ledger();
        assertThat(ledger.decide(budget, List.of(pure(1, share))).fits()).isTrue();
        ledger = ledger.with(List.of(pure(1, share)));

        BudgetDecision replacement = ledger.decide(budget, List.of(pure(1, share)));
        BudgetDecision secondDay = ledger.decide(budget, List.of(pure(2, share)));
        assertThat(replacement.fits()).isFalse();
        assertThat(secondDay.fits()).isFalse();
        assertThat(secondDay.fitsFrom()).contains(nov(31));
        assertThat(secondDay.left().epsilon()).isZero();
    }

    /** The even spread: 30 daily releases of the share fill a 30-day window exactly; one more in it is refused. */
    @Test
    void theEvenSpreadFillsAWindowExactly() {
        for (Accounting accounting : Accounting.values()) {
            PrivacyBudget budget = new PrivacyBudget(accounting, 30, new EpsilonDelta(10, 1e-7), Optional.empty());
            ReleaseShare share = budget.releaseShare();
            BudgetLedger ledger = ledger();
            for (int day = 1; day <= 30; day++) {
                List<BudgetCharge> release = List.of(charge(day, share.loss(), share.selectionDelta(), budget));
                BudgetDecision decision = ledger.decide(budget, release);
                assertThat(decision.fits()).as("%s day %d", accounting, day).isTrue();
                ledger = ledger.with(release);
            }
            EpsilonDelta window = budget.lossOf(ledger.spent(nov(1), nov(30)));
            assertThat(window.epsilon()).as("%s", accounting).isLessThanOrEqualTo(10).isGreaterThan(9.99);
            assertThat(window.delta()).isLessThanOrEqualTo(1e-7);

            List<BudgetCharge> replacement = List.of(charge(30, share.loss(), share.selectionDelta(), budget));
            BudgetDecision again = ledger.decide(budget, replacement);
            assertThat(again.fits()).as("%s replacement of day 30", accounting).isFalse();
            assertThat(again.fitsFrom()).contains(nov(31));
        }
    }

    /**
     * Under zCDP the window converts its total ρ once: three releases of a third of what ε = 2 buys fit; their ε's
     * one by one add up to far more than 2 (concavity), which is why the ledger's ε column of a zCDP charge is not
     * added. Selection δ has its own half of δ: a release whose selection alone exceeds it is refused.
     */
    @Test
    void zcdpWindowsComposeRhoAndKeepSelectionDeltaApart() {
        PrivacyBudget budget = new PrivacyBudget(Accounting.ZCDP, 3, new EpsilonDelta(2, 1e-6), Optional.empty());
        double rhoBudget = ZcdpConversion.rho(2, 5e-7);
        ReleaseShare share = budget.releaseShare();
        assertThat(share.loss().value()).isLessThanOrEqualTo(rhoBudget / 3).isGreaterThan(rhoBudget / 3 * 0.999);
        assertThat(share.selectionDelta()).isLessThanOrEqualTo(1e-6 / 2 / 3);

        List<BudgetCharge> charges = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            charges.add(charge(day, share.loss(), share.selectionDelta(), budget));
        }
        BudgetLedger ledger = ledger();
        assertThat(ledger.decide(budget, charges.subList(0, 1)).left().rho().getAsDouble())
                .isCloseTo(rhoBudget, org.assertj.core.data.Percentage.withPercentage(0.001));
        ledger = ledger.with(charges.subList(0, 2));
        BudgetDecision third = ledger.decide(budget, charges.subList(2, 3));
        assertThat(third.fits()).isTrue();
        assertThat(third.left().rho().getAsDouble()).isCloseTo(rhoBudget / 3,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(3 * charges.get(0).epsilon()).isGreaterThan(2);

        BudgetCharge greedySelection = charge(5, PrivacyLoss.zcdp(1e-9), 1e-6 / 2 + 1e-9, budget);
        assertThat(ledger().decide(budget, List.of(greedySelection)).fits()).isFalse();
        assertThat(ledger().decide(budget, List.of(greedySelection)).fitsFrom()).isEmpty();
    }

    private static BudgetLedger ledger(BudgetCharge... charges) {
        return new BudgetLedger(List.of(charges));
    }

    private static BudgetCharge pure(int day, double epsilon) {
        return new BudgetCharge(nov(day), "release-" + day, "app_usage", epsilon, 0, OptionalDouble.empty(), AT);
    }

    private static BudgetCharge charge(int day, PrivacyLoss loss, double selectionDelta, PrivacyBudget budget) {
        return BudgetCharge.of(nov(day), "release-" + day, "app_usage", loss, selectionDelta, budget, AT);
    }

    private static LocalDate nov(int day) {
        return NOV.plusDays(day);
    }
}

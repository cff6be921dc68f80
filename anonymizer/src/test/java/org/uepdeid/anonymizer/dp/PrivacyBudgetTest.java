package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A release's share, its split over products and measures, and a whole release charged against the window. */
class PrivacyBudgetTest {

    private static final PrivacyBudget REPO_DEFAULT =
            new PrivacyBudget(Accounting.ZCDP, 30, new EpsilonDelta(10, 1e-7), Optional.empty());

    /** weights {app_usage: 2} over three products: 1/4, 1/2, 1/4 of the loss and of the selection δ, rounded down. */
    @Test
    void weightsSplitAReleaseOverItsProducts() {
        ReleaseShare release = new ReleaseShare(PrivacyLoss.zcdp(0.04), 4e-9);
        List<String> products = List.of("os_adoption", "app_usage", "login_patterns");

        Map<String, ReleaseShare> shares = release.split(new ShareWeights(Map.of("app_usage", 2.0)), products);

        assertThat(shares.keySet()).containsExactlyElementsOf(products);
        assertThat(shares.get("app_usage").loss().value()).isEqualTo(0.02);
        assertThat(shares.get("os_adoption").loss().value()).isEqualTo(0.01);
        assertThat(shares.get("login_patterns").selectionDelta()).isEqualTo(1e-9);
        Rational total = Rational.ZERO;
        for (ReleaseShare share : shares.values()) {
            total = total.add(Rational.of(share.loss().value()));
        }
        assertThat(total).isLessThanOrEqualTo(Rational.of(0.04));
    }

    /** Thirds do not divide a double evenly; rounding down keeps the parts within the whole. */
    @Test
    void evenSharesNeverAddUpToMoreThanTheWhole() {
        PrivacyLoss whole = PrivacyLoss.pure(0.1);
        Map<String, Rational> thirds = ShareWeights.EVEN.fractions(List.of("devices", "sessions", "usage_minutes"));
        Rational total = Rational.ZERO;
        for (Rational fraction : thirds.values()) {
            assertThat(fraction).isEqualTo(Rational.of(1, 3));
            total = total.add(Rational.of(whole.times(fraction).value()));
        }
        assertThat(total).isLessThanOrEqualTo(Rational.of(0.1));
    }

    @Test
    void aWeightForAnUnknownProductIsAnError() {
        ShareWeights weights = new ShareWeights(Map.of("ap_usage", 2.0));

        assertThatThrownBy(() -> weights.fractions(List.of("app_usage", "os_adoption")))
                .hasMessageContaining("ap_usage").hasMessageContaining("app_usage");
        assertThatThrownBy(() -> new ShareWeights(Map.of("app_usage", -1.0))).hasMessageContaining("app_usage");
    }

    @Test
    void perReleaseSharesAreTakenAsGivenAndSplitLikeTheBudget() {
        PrivacyBudget pure = new PrivacyBudget(Accounting.PURE, 30, new EpsilonDelta(10, 1e-7),
                Optional.of(new EpsilonDelta(0.5, 1e-8)));
        assertThat(pure.releaseShare()).isEqualTo(new ReleaseShare(PrivacyLoss.pure(0.5), 1e-8));

        PrivacyBudget zcdp = new PrivacyBudget(Accounting.ZCDP, 30, new EpsilonDelta(10, 1e-7),
                Optional.of(new EpsilonDelta(0.5, 1e-8)));
        ReleaseShare share = zcdp.releaseShare();
        assertThat(share.selectionDelta()).isEqualTo(5e-9);
        assertThat(ZcdpConversion.epsilon(share.loss().value(), 5e-9)).isLessThanOrEqualTo(0.5).isGreaterThan(0.4999);
    }

    @Test
    void budgetsAreValidatedWithTheirKeys() {
        EpsilonDelta budget = new EpsilonDelta(10, 1e-7);

        assertThatThrownBy(() -> new PrivacyBudget(Accounting.ZCDP, 0, budget, Optional.empty()))
                .hasMessageContaining("period_days");
        assertThatThrownBy(() -> new PrivacyBudget(Accounting.ZCDP, 30, new EpsilonDelta(10, 0), Optional.empty()))
                .hasMessageContaining("delta must be positive under zCDP");
        assertThatThrownBy(() -> new PrivacyBudget(Accounting.PURE, 30, budget,
                Optional.of(new EpsilonDelta(11, 0)))).hasMessageContaining("per_release epsilon 11.0");
        assertThatThrownBy(() -> new EpsilonDelta(1, 1)).hasMessageContaining("delta");
    }

    /**
     * A release as the integration will make it, at the repository's budget: the share split over three products,
     * each over its measures, each measure calibrated to its sensitivity, the spent losses charged. Every figure is
     * within its share, 30 such days fit the window, and a replacement of the 30th is refused until day 31.
     */
    @Test
    void aWholeReleaseIsChargedWithinItsShare() {
        Map<String, Map<String, Sensitivity>> products = new LinkedHashMap<>();
        products.put("app_usage", Map.of("devices", new Sensitivity(20, 1), "sessions", new Sensitivity(20, 20),
                "usage_minutes", new Sensitivity(20, 480)));
        products.put("login_patterns", Map.of("devices", new Sensitivity(24, 1), "logins", new Sensitivity(24, 3)));
        products.put("os_adoption", Map.of("devices", new Sensitivity(1, 1)));
        ShareWeights weights = new ShareWeights(Map.of("app_usage", 2.0));

        BudgetLedger ledger = new BudgetLedger(List.of());
        LocalDate first = LocalDate.of(2026, 11, 1);
        for (int day = 0; day < 30; day++) {
            List<BudgetCharge> release = release(products, weights, first.plusDays(day), "r" + day);
            BudgetDecision decision = ledger.decide(REPO_DEFAULT, release);
            assertThat(decision.fits()).as("day %d: %s", day, decision.describe(REPO_DEFAULT)).isTrue();
            ledger = ledger.with(release);
        }
        BudgetDecision replacement = ledger.decide(REPO_DEFAULT,
                release(products, weights, first.plusDays(29), "r29-again"));
        assertThat(replacement.fits()).isFalse();
        assertThat(replacement.fitsFrom()).contains(first.plusDays(30));
        assertThat(replacement.describe(REPO_DEFAULT)).contains("fits again from 2026-12-01");
    }

    private static List<BudgetCharge> release(Map<String, Map<String, Sensitivity>> products, ShareWeights weights,
                                              LocalDate date, String releaseId) {
        ReleaseShare releaseShare = REPO_DEFAULT.releaseShare();
        Map<String, ReleaseShare> byProduct = releaseShare.split(weights, List.copyOf(products.keySet()));
        List<BudgetCharge> charges = new ArrayList<>();
        products.forEach((product, measures) -> {
            ReleaseShare share = byProduct.get(product);
            List<String> names = measures.keySet().stream().sorted().toList();
            PrivacyLoss spent = PrivacyLoss.zcdp(0);
            NoiseDistribution deviceNoise = null;
            for (Map.Entry<String, Rational> part : ShareWeights.EVEN.fractions(names).entrySet()) {
                Sensitivity sensitivity = measures.get(part.getKey());
                NoiseDistribution noise = Mechanism.DISCRETE_GAUSSIAN.calibrate(share.loss().times(part.getValue()),
                        sensitivity);
                assertThat(noise.loss(sensitivity).value()).isLessThanOrEqualTo(
                        share.loss().times(part.getValue()).value());
                spent = spent.plus(noise.loss(sensitivity));
                if (part.getKey().equals("devices")) {
                    deviceNoise = noise;
                }
            }
            assertThat(spent.value()).isLessThanOrEqualTo(share.loss().value());
            // app_usage is an open domain: its cells are selected privately with its share of δ.
            double selectionDelta = product.equals("app_usage")
                    ? PartitionSelection.of(deviceNoise, 20, share.selectionDelta()).deltaSpent() : 0;
            assertThat(selectionDelta).isLessThanOrEqualTo(share.selectionDelta());
            charges.add(BudgetCharge.of(date, releaseId, product, spent, selectionDelta, REPO_DEFAULT,
                    Instant.parse("2026-12-01T00:00:00Z")));
        });
        return charges;
    }
}

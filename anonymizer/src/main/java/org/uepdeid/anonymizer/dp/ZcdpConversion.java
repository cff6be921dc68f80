package org.uepdeid.anonymizer.dp;

/**
 * From ρ-zCDP to (ε, δ)-DP and back, numerically (floating point: this is accounting, not noise).
 *
 * <p>The conversion is the tight one of Canonne, Kamath and Steinke (2020), Proposition 12 / Corollary 13: ρ-zCDP
 * implies (ε, δ)-DP for δ = inf_{α>1} exp((α−1)(αρ−ε)) · (1−1/α)^α / (α−1). Solved for ε at a given δ:
 * ε(α) = αρ + (ln(1/δ) − ln α)/(α−1) + ln(1−1/α), and ε is the minimum over α. Its derivative in α is
 * ρ + ln(αδ)/(α−1)², which rises through zero exactly once, so the minimum is found by bisection on that sign. Any α
 * gives a valid ε, so an α a little off the optimum only makes ε a little larger, never unsafe. The result is never
 * above the simpler bound ε = ρ + 2√(ρ ln(1/δ)) (Bun and Steinke 2016, Proposition 1.3), which is the same
 * expression at α = 1 + √(ln(1/δ)/ρ) without the two terms that the tight one subtracts.
 */
final class ZcdpConversion {

    private static final int BISECTION_STEPS = 200;
    /** ρ's returned by {@link #rho} are shaved by this much, so that sums of shares of them convert within ε. */
    private static final double RHO_SHAVE = 1e-9;

    private ZcdpConversion() {
    }

    /** The smallest ε (within floating point, rounded up) such that ρ-zCDP implies (ε, δ)-DP. */
    public static double epsilon(double rho, double delta) {
        check(rho, delta);
        if (rho == 0) {
            return 0;
        }
        double lo = 1;
        double hi = 2;
        while (slope(hi, rho, delta) <= 0) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < BISECTION_STEPS && hi - lo > Math.ulp(hi); i++) {
            double mid = lo + (hi - lo) / 2;
            if (slope(mid, rho, delta) <= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double best = epsilonAt(hi, rho, delta);
        if (lo > 1) {
            best = Math.min(best, epsilonAt(lo, rho, delta));
        }
        best = Math.min(best, epsilonAt(1 + Math.sqrt(Math.log(1 / delta) / rho), rho, delta));
        return Math.max(0, RoundingMargin.above(best));
    }

    /** Bun and Steinke (2016), Proposition 1.3: ρ + 2√(ρ ln(1/δ)), the bound {@link #epsilon} must never exceed. */
    public static double simpleEpsilon(double rho, double delta) {
        check(rho, delta);
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /**
     * The largest ρ (a relative 10^−9 under it) whose {@link #epsilon} at δ is at most {@code epsilon}: what a budget
     * of (ε, δ) buys in zCDP.
     */
    public static double rho(double epsilon, double delta) {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and not negative, got " + epsilon);
        }
        check(0, delta);
        double lo = 0;
        double hi = Math.max(epsilon, Double.MIN_NORMAL);
        while (epsilon(hi, delta) <= epsilon) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < BISECTION_STEPS && hi - lo > Math.ulp(hi); i++) {
            double mid = lo + (hi - lo) / 2;
            if (epsilon(mid, delta) <= epsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * (1 - RHO_SHAVE);
    }

    private static double epsilonAt(double alpha, double rho, double delta) {
        return alpha * rho + (Math.log(1 / delta) - Math.log(alpha)) / (alpha - 1) + Math.log1p(-1 / alpha);
    }

    private static double slope(double alpha, double rho, double delta) {
        double am1 = alpha - 1;
        return rho + Math.log(alpha * delta) / (am1 * am1);
    }

    private static void check(double rho, double delta) {
        if (!(rho >= 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and not negative, got " + rho);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1) to convert zCDP, got " + delta);
        }
    }
}

package org.uepdeid.anonymizer.dp;

import java.util.Arrays;

/** The noise mechanisms a product can use, by their config names ({@code aggregates.privacy.mechanism}). */
public enum Mechanism {
    /** The discrete Gaussian, ρ-zCDP (Canonne, Kamath and Steinke 2020): the default. */
    DISCRETE_GAUSSIAN("discrete-gaussian", Accounting.ZCDP),
    /** The discrete Laplace (two-sided geometric), pure ε-DP. */
    DISCRETE_LAPLACE("discrete-laplace", Accounting.PURE);

    private static final int CALIBRATION_DIGITS = 6;

    private final String configName;
    private final Accounting accounting;

    Mechanism(String configName, Accounting accounting) {
        this.configName = configName;
        this.accounting = accounting;
    }

    /** The mechanism a config names, or an error listing the names there are. */
    public static Mechanism named(String configName) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(configName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mechanism \"" + configName
                        + "\"; expected one of " + Arrays.stream(values()).map(Mechanism::configName).toList()));
    }

    public String configName() {
        return configName;
    }

    public Accounting accounting() {
        return accounting;
    }

    /**
     * The least noise that spends at most {@code share} on a measure of this sensitivity: σ² = Δ₂²/(2ρ) or t = Δ₁/ε,
     * rounded UP to six significant digits, so the noise is never smaller than the share pays for and the sampler's
     * integers stay short; the share is underspent by less than a relative 10^−5.
     * {@link NoiseDistribution#loss(Sensitivity)} tells what the result really spends.
     */
    public NoiseDistribution calibrate(PrivacyLoss share, Sensitivity sensitivity) {
        if (share.accounting() != accounting) {
            throw new IllegalArgumentException(configName + " is accounted as " + accounting.manifestName()
                    + ", not " + share.accounting().manifestName());
        }
        if (!(share.value() > 0)) {
            throw new IllegalArgumentException(configName + ": a share of zero buys no finite noise");
        }
        Rational value = Rational.of(share.value());
        return switch (this) {
            case DISCRETE_GAUSSIAN -> new DiscreteGaussian(roundUp(
                    Rational.of(sensitivity.l2Squared()).divide(value.multiply(Rational.of(2)))));
            case DISCRETE_LAPLACE -> new DiscreteLaplace(roundUp(Rational.of(sensitivity.l1()).divide(value)));
        };
    }

    private static Rational roundUp(Rational exact) {
        return exact.roundUpToSignificantDigits(CALIBRATION_DIGITS);
    }
}

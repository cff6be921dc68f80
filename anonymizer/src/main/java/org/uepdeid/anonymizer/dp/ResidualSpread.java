package org.uepdeid.anonymizer.dp;

import java.util.Locale;

/**
 * Whether residuals (published values minus the exact ones, on cells that neither clamping nor selection bent) are
 * draws of a noise at its declared standard deviation σ: the evidence that noise was added at the stated scale.
 *
 * <p>Σr²/(nσ²) must lie within a χ² bound: for noise of kurtosis κ, ν = 2n/(κ−1) degrees of freedom (a Satterthwaite
 * fit; κ = 3 for a Gaussian), its quantiles at ±{@value #Z} normal quantiles by Wilson and Hilferty's cube root. The
 * kurtosis is the noise's own, so a scale below one, where nearly every draw is 0 and a few ±1 make the whole sum,
 * widens the bound as it should. Residuals all zero fail only where the noise leaves n cells all zero less often than
 * {@value #FALSE_ALARM}; at such a scale zeros alone say nothing.
 *
 * @param cells          n, at least one
 * @param declaredStddev σ as the release declares it
 * @param ratio          Σr²/(nσ²)
 * @param lower          the bound's lower end
 * @param upper          the bound's upper end
 * @param allZero        whether every residual is zero
 * @param allZeroChance  P(n draws of the noise all zero)
 */
public record ResidualSpread(int cells, double declaredStddev, double ratio, double lower, double upper,
        boolean allZero, double allZeroChance) {

    /** The bound's normal quantile: about one false alarm in 3·10⁶ on either side. */
    static final double Z = 5.0;
    /** How unlikely all-zero residuals must be under the noise to fail: the same order as the bound's tails. */
    static final double FALSE_ALARM = 1e-6;

    /** The spread of {@code residuals} against {@code noise}, whose standard deviation the release declared. */
    public static ResidualSpread of(double[] residuals, NoiseDistribution noise, double declaredStddev) {
        if (residuals.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one residual");
        }
        double sumSquares = 0;
        boolean allZero = true;
        for (double residual : residuals) {
            sumSquares += residual * residual;
            allZero &= residual == 0;
        }
        int n = residuals.length;
        double nu = 2.0 * n / (noise.kurtosis() - 1);
        double spread = Math.sqrt(2 / (9 * nu));
        double centre = 1 - 2 / (9 * nu);
        return new ResidualSpread(n, declaredStddev, sumSquares / (n * declaredStddev * declaredStddev),
                Math.pow(Math.max(0, centre - Z * spread), 3), Math.pow(centre + Z * spread, 3), allZero,
                Math.pow(noise.zeroProbability(), n));
    }

    public boolean passed() {
        if (allZero) {
            return allZeroChance >= FALSE_ALARM;
        }
        return ratio >= lower && ratio <= upper;
    }

    /** What was found, and when it failed, why. */
    public String describe() {
        if (allZero) {
            return passed()
                    ? String.format(Locale.ROOT, "every residual is zero, as noise of σ %.3g leaves all %d cells "
                            + "%.2g of the time: too little noise to tell it from none", declaredStddev, cells,
                            allZeroChance)
                    : "every residual is zero: no noise was added";
        }
        String finding = String.format(Locale.ROOT, "residual variance %.3g× the declared %.3g²", ratio,
                declaredStddev);
        return passed() ? finding : finding + String.format(Locale.ROOT, ", outside [%.3g, %.3g]", lower, upper);
    }
}

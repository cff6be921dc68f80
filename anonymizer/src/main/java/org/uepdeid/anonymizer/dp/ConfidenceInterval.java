package org.uepdeid.anonymizer.dp;

/**
 * Where a cell's exact value lies, at the stated confidence, given its published (noisy, clamped) value: the published
 * value ± the noise's half-width, cut at zero since the exact values (counts and sums) are never negative. The
 * coverage is over the noise alone and holds for clamped cells too (a clamped cell's exact value is at most the
 * half-width). It is not conditioned on a cell having passed partition selection.
 *
 * @param low  the smallest exact value in the interval, at least 0
 * @param high the largest
 */
public record ConfidenceInterval(long low, long high) {

    public ConfidenceInterval {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("confidence interval [" + low + ", " + high + "] is empty or negative");
        }
    }
}

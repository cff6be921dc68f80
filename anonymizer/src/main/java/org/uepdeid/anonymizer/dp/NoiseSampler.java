package org.uepdeid.anonymizer.dp;

/**
 * Draws integer noise from one distribution with its own fresh randomness ({@link NoiseDistribution#newSampler()}).
 * Not thread-safe and not serializable: make one per task, where the noise is added.
 */
public interface NoiseSampler {

    /** One draw of the noise. */
    long sample();

    /**
     * What a release publishes for an exact integer value: the value plus one fresh draw, negatives clamped to zero.
     * The clamp is post-processing and costs no privacy; the noise is already an integer, so nothing needs rounding.
     */
    default long publish(long exact) {
        return Math.max(0, Math.addExact(exact, sample()));
    }
}

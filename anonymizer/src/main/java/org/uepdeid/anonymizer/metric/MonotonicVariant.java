package org.uepdeid.anonymizer.metric;

/**
 * A metric that comes in two variants, as in ARX: one charges suppressed records, the monotonic one (DM*, monotonic
 * non-uniform entropy and precision) ignores them, so only it keeps monotonicity when records may be suppressed.
 */
public sealed interface MonotonicVariant extends Metric permits NonUniformEntropy, Discernibility, Precision {

    /** Whether this is the variant that ignores suppression. */
    boolean monotonic();

    @Override
    default boolean isMonotonic(boolean suppressionAllowed) {
        return monotonic() || !suppressionAllowed;
    }
}

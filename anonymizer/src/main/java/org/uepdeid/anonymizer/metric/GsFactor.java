package org.uepdeid.anonymizer.metric;

/**
 * ARX's generalization/suppression factor gs in [0,1] (METRICS.md §4): 0.5 weighs both alike; it yields the factor
 * on generalized cells (gF) and on suppressed ones (sF).
 */
record GsFactor(double gs) {

    GsFactor {
        if (!(gs >= 0 && gs <= 1)) {
            throw new IllegalArgumentException("gs_factor must be in [0, 1], got " + gs);
        }
    }

    double generalization() {
        return gs <= 0.5 ? 1 : 1 - 2 * (gs - 0.5);
    }

    double suppression() {
        return gs < 0.5 ? 2 * gs : 1;
    }
}

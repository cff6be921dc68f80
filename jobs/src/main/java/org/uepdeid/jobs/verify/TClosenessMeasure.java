package org.uepdeid.jobs.verify;

import java.util.Map;

/**
 * A t-closeness model measured on a class: the distance between the class's and the release's distribution of the
 * sensitive values, at most t in every class. The models differ only in their ground distance, so the verdict and
 * the shares the distance reads are the same for all of them and live here.
 */
sealed interface TClosenessMeasure extends SensitiveMeasure permits EqualTMeasure, OrderedTMeasure,
        HierarchicalTMeasure {

    /** The declared bound on the distance. */
    double t();

    /** Counts of each sensitive value over the whole release: the distribution every class is compared with. */
    Map<String, Long> overall();

    /** The class's distance from the release, in [0, 1], from both distributions as shares. */
    double distance(Shares shares);

    @Override
    default double threshold() {
        return t();
    }

    @Override
    default double ofClass(Map<String, Long> histogram) {
        return distance(Shares.of(histogram, overall()));
    }

    @Override
    default boolean largerIsSafer() {
        return false;
    }

    @Override
    default boolean satisfiedBy(double worst) {
        return worst <= t() + Check.TOLERANCE;
    }
}

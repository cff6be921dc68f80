package org.uepdeid.jobs.verify;

import java.util.Map;

/**
 * t-closeness with equal ground distance: half the sum of the absolute differences between a class's shares of the
 * sensitive values and the release's, at most t in every class.
 */
record EqualTMeasure(double t, Map<String, Long> overall) implements TClosenessMeasure {

    EqualTMeasure {
        overall = Map.copyOf(overall);
    }

    @Override
    public double distance(Shares shares) {
        double sum = 0;
        for (String value : overall.keySet()) {
            sum += Math.abs(shares.inClass(value) - shares.overall(value));
        }
        return sum / 2;
    }
}

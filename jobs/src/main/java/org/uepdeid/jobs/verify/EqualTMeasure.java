package org.uepdeid.jobs.verify;

import java.util.Map;

/**
 * t-closeness with equal ground distance: half the sum of the absolute differences between a class's shares of the
 * sensitive values and the release's, at most t in every class.
 */
record EqualTMeasure(double t, Map<String, Long> overall) implements SensitiveMeasure {

    EqualTMeasure {
        overall = Map.copyOf(overall);
    }

    @Override
    public String check() {
        return "t_closeness";
    }

    @Override
    public String model() {
        return "equal-t-closeness t=" + t;
    }

    @Override
    public double threshold() {
        return t;
    }

    @Override
    public double ofClass(Map<String, Long> histogram) {
        Shares shares = Shares.of(histogram, overall);
        double sum = 0;
        for (String value : overall.keySet()) {
            sum += Math.abs(shares.inClass(value) - shares.overall(value));
        }
        return sum / 2;
    }

    @Override
    public boolean largerIsSafer() {
        return false;
    }

    @Override
    public boolean satisfiedBy(double worst) {
        return worst <= t + Check.TOLERANCE;
    }
}

package org.uepdeid.jobs.verify;

import java.util.Map;

/** Distinct l-diversity: every class holds at least l different sensitive values. */
record DistinctLMeasure(int l) implements SensitiveMeasure {

    @Override
    public double threshold() {
        return l;
    }

    @Override
    public double ofClass(Map<String, Long> histogram) {
        return histogram.size();
    }

    @Override
    public boolean largerIsSafer() {
        return true;
    }

    @Override
    public boolean satisfiedBy(double worst) {
        return worst >= l;
    }
}

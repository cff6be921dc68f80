package org.uepdeid.reports;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The information loss of the chosen transformation, in the policy's metric.
 *
 * @param metric the metric's name as the policy gives it ({@code loss}, {@code discernibility}, ...)
 * @param values one value; several for a ranked aggregate, most significant first
 */
public record InformationLoss(String metric, List<Double> values) {

    public InformationLoss {
        Require.text("information loss metric", metric);
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("report: information loss (" + metric + ") has no value");
        }
    }

    /** The loss as a share of the most a generalization could lose, when the metric gives one number in [0, 1]. */
    public OptionalDouble share() {
        double value = values.get(0);
        return values.size() == 1 && value >= 0 && value <= 1 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}

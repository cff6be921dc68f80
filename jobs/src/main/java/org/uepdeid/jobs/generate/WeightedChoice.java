package org.uepdeid.jobs.generate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** An immutable list of values with weights, drawn by a {@link SeededRandom}; Zipf weights give long tails. */
final class WeightedChoice<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<T> values;
    private final double[] cumulative;

    private WeightedChoice(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException(
                    "a choice needs one weight per value and at least one value, got " + values.size()
                            + " values and " + weights.length + " weights");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException(
                        "weight of " + values.get(i) + " must be positive, got " + weights[i]);
            }
            total += weights[i];
            cumulative[i] = total;
        }
    }

    static <T extends Serializable> WeightedChoice<T> of(List<T> values, double[] weights) {
        return new WeightedChoice<>(values, weights);
    }

    /** Weight 1/rank^exponent: the first value is the most common, and the tail is long. */
    static <T extends Serializable> WeightedChoice<T> zipf(List<T> values, double exponent) {
        double[] weights = new double[values.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / StrictMath.pow(i + 1, exponent);
        }
        return new WeightedChoice<>(values, weights);
    }

    T pick(SeededRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        // binarySearch gives -(insertion point) - 1 when absent; the insertion point is the first cumulative > target.
        int chosen = index >= 0 ? index + 1 : -index - 1;
        return values.get(Math.min(chosen, values.size() - 1));
    }

    List<T> values() {
        return values;
    }
}

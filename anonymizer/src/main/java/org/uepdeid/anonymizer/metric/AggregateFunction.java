package org.uepdeid.anonymizer.metric;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** How per-attribute loss values combine into one (METRICS.md §6.2), each value first multiplied by its weight. */
public enum AggregateFunction {
    SUM, ARITHMETIC_MEAN, GEOMETRIC_MEAN, MAXIMUM, RANK;

    /** Parses the policy spelling: {@code sum}, {@code arithmetic-mean}, {@code geometric-mean}, ... */
    public static AggregateFunction parse(String name) {
        for (AggregateFunction f : values()) {
            if (f.name().replace('_', '-').equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown aggregate '" + name
                + "'; use sum, arithmetic-mean, geometric-mean, maximum or rank");
    }

    /**
     * Aggregates one value per attribute, {@code value.applyAsDouble(j)} for j = 0 .. weights.length - 1: the form
     * every per-attribute metric ends in.
     */
    public InformationLoss aggregate(IntToDoubleFunction value, double[] weights) {
        double[] values = new double[weights.length];
        for (int j = 0; j < values.length; j++) {
            values[j] = value.applyAsDouble(j);
        }
        return aggregate(values, weights);
    }

    public InformationLoss aggregate(double[] values, double[] weights) {
        int m = values.length;
        switch (this) {
            case SUM -> {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += values[j] * weights[j];
                }
                return InformationLoss.of(sum);
            }
            case ARITHMETIC_MEAN -> {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += values[j] / m * weights[j];
                }
                return InformationLoss.of(sum);
            }
            case GEOMETRIC_MEAN -> {
                // Each factor raised on its own, in attribute order, as ARX does: the last bits then agree.
                double product = 1;
                for (int j = 0; j < m; j++) {
                    product *= Math.pow(values[j] * weights[j] + 1, 1.0 / m);
                }
                return InformationLoss.of(product - 1);
            }
            case MAXIMUM -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    max = Math.max(max, values[j] * weights[j]);
                }
                return InformationLoss.of(max);
            }
            case RANK -> {
                double[] weighted = new double[m];
                for (int j = 0; j < m; j++) {
                    weighted[j] = values[j] * weights[j];
                }
                Arrays.sort(weighted);
                for (int i = 0; i < m / 2; i++) {
                    double swap = weighted[i];
                    weighted[i] = weighted[m - 1 - i];
                    weighted[m - 1 - i] = swap;
                }
                return new InformationLoss(weighted, true);
            }
            default -> throw new AssertionError(this);
        }
    }

    /** ARX keeps 10 decimals of selected intermediate values, truncating (METRICS.md §6.3). */
    static double floor10(double x) {
        return Math.floor(x * 1e10) / 1e10;
    }
}

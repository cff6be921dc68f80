package org.uepdeid.anonymizer.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * t-closeness with ordered ground distance (METRICS.md §2.6): values ordered as strings ({@code String.compareTo},
 * ARX's default) or as numbers, distance = the normalized sum of absolute cumulative differences.
 */
public record OrderedDistanceTCloseness(String attribute, double t, boolean numericOrder) implements SensitiveModel {

    public OrderedDistanceTCloseness {
        Validation.requireAttribute(attribute, type());
        Validation.requireShare(t, "t", type());
    }

    @Override
    public ClassCriterion bind(SensitiveDistribution distribution) {
        int m = distribution.size();
        Comparator<Integer> byValue = numericOrder
                ? Comparator.comparing(i -> numeric(distribution.values().get(i)))
                : Comparator.comparing(i -> distribution.values().get(i));
        int[] order = IntStream.range(0, m).boxed().sorted(byValue).mapToInt(Integer::intValue).toArray();
        double[] q = distribution.shares();
        double bound = t * (m - 1);
        return (count, histograms, offset) -> {
            double cumulative = 0;
            double sum = 0;
            for (int s : order) {
                cumulative += (double) histograms[offset + s] / count - q[s];
                sum += Math.abs(cumulative);
            }
            return !(sum > bound);
        };
    }

    private BigDecimal numeric(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(type() + " on '" + attribute + "' with numeric order: value '"
                    + value + "' is not a number");
        }
    }
}

package org.uepdeid.jobs.verify;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * t-closeness with ordered ground distance: the values in order (as text or as numbers), the distance is the sum of
 * the absolute cumulative differences between class and release shares over m - 1, at most t in every class.
 */
record OrderedTMeasure(double t, Map<String, Long> overall, boolean numeric) implements SensitiveMeasure {

    OrderedTMeasure {
        overall = Map.copyOf(overall);
    }

    @Override
    public String check() {
        return "t_closeness";
    }

    @Override
    public String model() {
        return "ordered-t-closeness t=" + t + (numeric ? " (numeric order)" : " (lexical order)");
    }

    @Override
    public double threshold() {
        return t;
    }

    @Override
    public double ofClass(Map<String, Long> histogram) {
        List<String> ordered = overall.keySet().stream()
                .sorted(numeric ? Comparator.comparing(OrderedTMeasure::number) : Comparator.<String>naturalOrder())
                .toList();
        if (ordered.size() < 2) {
            return 0;
        }
        Shares shares = Shares.of(histogram, overall);
        double cumulative = 0;
        double sum = 0;
        for (String value : ordered) {
            cumulative += shares.inClass(value) - shares.overall(value);
            sum += Math.abs(cumulative);
        }
        return sum / (ordered.size() - 1);
    }

    @Override
    public boolean largerIsSafer() {
        return false;
    }

    @Override
    public boolean satisfiedBy(double worst) {
        return worst <= t + Check.TOLERANCE;
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ordered-t-closeness with numeric order: a sensitive value is not a "
                    + "number");
        }
    }
}

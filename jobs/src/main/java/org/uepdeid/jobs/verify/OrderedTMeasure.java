package org.uepdeid.jobs.verify;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.uepdeid.jobs.config.ConfigException;

/**
 * t-closeness with ordered ground distance: the values in order (as text or as numbers), the distance is the sum of
 * the absolute cumulative differences between class and release shares over m - 1, at most t in every class.
 */
record OrderedTMeasure(double t, Map<String, Long> overall, boolean numeric) implements TClosenessMeasure {

    OrderedTMeasure {
        overall = Map.copyOf(overall);
    }

    @Override
    public double distance(Shares shares) {
        List<String> ordered = overall.keySet().stream()
                .sorted(numeric ? Comparator.comparing(OrderedTMeasure::number) : Comparator.<String>naturalOrder())
                .toList();
        if (ordered.size() < 2) {
            return 0;
        }
        double cumulative = 0;
        double sum = 0;
        for (String value : ordered) {
            cumulative += shares.inClass(value) - shares.overall(value);
            sum += Math.abs(cumulative);
        }
        return sum / (ordered.size() - 1);
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            // The config declares a numeric order the published values do not have: the config is the user's to fix.
            throw new ConfigException("anonymization: ordered-t-closeness with numeric order, but a published value "
                    + "of the sensitive attribute is not a number; use order: lexical");
        }
    }
}

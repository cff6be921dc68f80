package org.uepdeid.anonymizer.dp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a share of privacy budget is split over named parts: a release over its products (the config's
 * {@code aggregates.privacy.weights}), a product's share over its measures. A part gets its weight over the sum of the
 * weights, a part without a weight counting 1, so no weights at all split evenly.
 *
 * @param weights positive weights by part name
 */
public record ShareWeights(Map<String, Double> weights) {

    /** Every part alike. */
    public static final ShareWeights EVEN = new ShareWeights(Map.of());

    public ShareWeights {
        weights = Map.copyOf(weights);
        weights.forEach((name, weight) -> {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of \"" + name + "\" must be positive and finite, got "
                        + weight);
            }
        });
    }

    /** Each part's exact fraction, in the order given; the fractions add up to 1. */
    public Map<String, Rational> fractions(List<String> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a share needs at least one part to go to");
        }
        for (String name : weights.keySet()) {
            if (!parts.contains(name)) {
                throw new IllegalArgumentException("weights name \"" + name + "\", which is not one of " + parts);
            }
        }
        Rational total = Rational.ZERO;
        for (String part : parts) {
            total = total.add(weightOf(part));
        }
        Map<String, Rational> fractions = new LinkedHashMap<>();
        for (String part : parts) {
            if (fractions.put(part, weightOf(part).divide(total)) != null) {
                throw new IllegalArgumentException("part \"" + part + "\" is listed twice in " + parts);
            }
        }
        return fractions;
    }

    private Rational weightOf(String part) {
        return Rational.of(weights.getOrDefault(part, 1.0));
    }
}

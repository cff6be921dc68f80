package org.uepdeid.anonymizer.metric;

import java.util.Objects;

/**
 * Sweeney's precision as ARX defines it (METRICS.md §5.5): per attribute the level over the hierarchy's height; in
 * the non-monotonic variant a suppressed record counts as fully generalized.
 */
public record Precision(boolean monotonic, double gsFactor, AggregateFunction aggregate) implements MonotonicVariant {

    public Precision {
        new GsFactor(gsFactor);
        aggregate = Objects.requireNonNullElse(aggregate, AggregateFunction.ARITHMETIC_MEAN);
    }

    @Override
    public String type() {
        return "precision";
    }

    @Override
    public NodeScorer bind(MetricContext context) {
        GsFactor gs = new GsFactor(gsFactor);
        double n = context.records();
        int[] heights = context.hierarchies().stream().mapToInt(h -> h.height()).toArray();
        return new NodeScorer() {
            private double generalized(int[] levels, int j) {
                return heights[j] == 0 ? 0 : (double) levels[j] / heights[j] * gs.generalization();
            }

            @Override
            public InformationLoss score(ClassifiedNode node) {
                double suppressed = node.suppressedRecords();
                return aggregate.aggregate(j -> {
                    double g = generalized(node.levels(), j);
                    return monotonic ? g : ((n - suppressed) * g + suppressed * gs.suppression()) / n;
                }, context.weights());
            }

            @Override
            public InformationLoss lowerBound(int[] levels) {
                return aggregate.aggregate(j -> {
                    double g = generalized(levels, j);
                    return monotonic ? g : Math.min(g, gs.suppression());
                }, context.weights());
            }
        };
    }
}

package org.uepdeid.anonymizer.metric;

import java.util.Objects;

/** ARX's height metric (METRICS.md §5.6): the sum of the generalization levels; it ignores the data. */
public record Height(AggregateFunction aggregate) implements Metric {

    public Height {
        aggregate = Objects.requireNonNullElse(aggregate, AggregateFunction.SUM);
    }

    @Override
    public String type() {
        return "height";
    }

    @Override
    public boolean isMonotonic(boolean suppressionAllowed) {
        return true;
    }

    @Override
    public NodeScorer bind(MetricContext context) {
        double[] weights = context.weights();
        return new NodeScorer() {
            @Override
            public InformationLoss score(ClassifiedNode node) {
                return lowerBound(node.levels());
            }

            @Override
            public InformationLoss lowerBound(int[] levels) {
                return aggregate.aggregate(j -> levels[j], weights);
            }
        };
    }
}

package org.uepdeid.anonymizer.metric;

/** ARX's height metric (METRICS.md §5.6): the sum of the generalization levels; it ignores the data. */
public record Height(AggregateFunction aggregate) implements Metric {

    public Height {
        if (aggregate == null) {
            aggregate = AggregateFunction.SUM;
        }
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
                double[] dims = new double[levels.length];
                for (int j = 0; j < levels.length; j++) {
                    dims[j] = levels[j];
                }
                return aggregate.aggregate(dims, weights);
            }
        };
    }
}

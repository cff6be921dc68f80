package org.uepdeid.anonymizer.metric;

import org.uepdeid.anonymizer.data.FrequencyTable;

/**
 * The discernibility metric (METRICS.md §5.3): the sum over records of their class's size; a suppressed record is
 * indiscernible from all n (DM). The monotonic variant DM* ignores suppression.
 */
public record Discernibility(boolean monotonic) implements MonotonicVariant {

    @Override
    public String type() {
        return "discernibility";
    }

    @Override
    public NodeScorer bind(MetricContext context) {
        int[][] present = context.presentLabels();
        double n = context.records();
        return new NodeScorer() {
            @Override
            public InformationLoss score(ClassifiedNode node) {
                FrequencyTable classes = node.classes();
                double sum = 0;
                for (int c = 0; c < classes.size(); c++) {
                    double count = classes.count(c);
                    sum += !monotonic && node.suppressed()[c] ? n * count : count * count;
                }
                return InformationLoss.of(sum);
            }

            @Override
            public InformationLoss lowerBound(int[] levels) {
                // Σ count² over at most B classes is at least n²/B; DM charges suppressed records even more.
                return InformationLoss.of(n * n / context.classCountBound(levels, present));
            }

            @Override
            public InformationLoss classBound(FrequencyTable classes) {
                // Σ count² grows when classes merge, and a suppressed record's n is at least its class's count.
                double sum = 0;
                for (int c = 0; c < classes.size(); c++) {
                    double count = classes.count(c);
                    sum += count * count;
                }
                return InformationLoss.of(sum);
            }
        };
    }
}

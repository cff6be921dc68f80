package org.uepdeid.anonymizer.metric;

import org.uepdeid.anonymizer.data.FrequencyTable;

/**
 * ARX's AECS, the average equivalence class size (METRICS.md §5.4): all suppressed records count as one class, and
 * ARX swaps the roles of the gs factors here, which this reproduces.
 */
public record AverageClassSize(double gsFactor) implements Metric {

    public AverageClassSize {
        new GsFactor(gsFactor);
    }

    @Override
    public String type() {
        return "aecs";
    }

    @Override
    public boolean isMonotonic(boolean suppressionAllowed) {
        return !suppressionAllowed;
    }

    @Override
    public NodeScorer bind(MetricContext context) {
        GsFactor gs = new GsFactor(gsFactor);
        int[][] present = context.presentLabels();
        double n = context.records();
        return new NodeScorer() {
            @Override
            public InformationLoss score(ClassifiedNode node) {
                long kept = 0;
                for (int c = 0; c < node.classes().size(); c++) {
                    if (!node.suppressed()[c]) {
                        kept++;
                    }
                }
                double classes = gs.suppression() * kept + gs.generalization() * (node.suppressedRecords() > 0 ? 1 : 0);
                return InformationLoss.of(n / classes);
            }

            @Override
            public InformationLoss lowerBound(int[] levels) {
                // The denominator never exceeds the number of classes, as one of the two factors is 1.
                return InformationLoss.of(n / context.classCountBound(levels, present));
            }

            @Override
            public InformationLoss classBound(FrequencyTable classes) {
                // As above with the classes themselves, whose number only falls when they merge.
                return InformationLoss.of(n / classes.size());
            }
        };
    }
}

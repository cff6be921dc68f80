package org.uepdeid.anonymizer.metric;

import java.util.Objects;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * ARX's non-uniform entropy (METRICS.md §5.2): per attribute, the bits lost about each record's original value given
 * its generalized one. The monotonic variant ignores suppression; the other also charges the suppressed block's
 * entropy.
 */
public record NonUniformEntropy(boolean monotonic, double gsFactor, AggregateFunction aggregate) implements MonotonicVariant {

    public NonUniformEntropy {
        new GsFactor(gsFactor);
        aggregate = Objects.requireNonNullElse(aggregate, AggregateFunction.SUM);
    }

    @Override
    public String type() {
        return "non-uniform-entropy";
    }

    @Override
    public NodeScorer bind(MetricContext context) {
        GsFactor gs = new GsFactor(gsFactor);
        int m = context.dimensions();
        double[][] generalization = new double[m][];
        for (int j = 0; j < m; j++) {
            Hierarchy h = context.hierarchies().get(j);
            long[] counts = context.baseCounts(j);
            generalization[j] = new double[h.height() + 1];
            for (int level = 0; level <= h.height(); level++) {
                long[] labelCounts = new long[h.labelCount(level)];
                for (int row = 0; row < counts.length; row++) {
                    labelCounts[h.labelOf(row, level)] += counts[row];
                }
                double bits = 0;
                for (int row = 0; row < counts.length; row++) {
                    if (counts[row] > 0) {
                        bits += counts[row] * log2((double) labelCounts[h.labelOf(row, level)] / counts[row]);
                    }
                }
                generalization[j][level] = gs.generalization() * bits;
            }
        }
        return new Scorer(context, generalization, gs.suppression(), monotonic, aggregate);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private record Scorer(MetricContext context, double[][] generalization, double sF, boolean monotonic,
                          AggregateFunction aggregate) implements NodeScorer {

        @Override
        public InformationLoss score(ClassifiedNode node) {
            return aggregate.aggregate(j -> {
                double entropy = generalization[j][node.levels()[j]];
                if (!monotonic && node.suppressedRecords() > 0) {
                    entropy += sF * suppressedBlockBits(node, j);
                }
                return AggregateFunction.floor10(entropy);
            }, context.weights());
        }

        /** Σ_u c_u·log2(S/c_u) over the labels u of attribute j among the suppressed records. */
        private double suppressedBlockBits(ClassifiedNode node, int j) {
            FrequencyTable classes = node.classes();
            Hierarchy h = context.hierarchies().get(j);
            long[] perLabel = new long[h.labelCount(node.levels()[j])];
            for (int c = 0; c < classes.size(); c++) {
                if (node.suppressed()[c]) {
                    perLabel[classes.key(c, j)] += classes.count(c);
                }
            }
            double s = node.suppressedRecords();
            double bits = 0;
            for (long count : perLabel) {
                if (count > 0) {
                    bits += count * log2(s / count);
                }
            }
            return bits;
        }

        @Override
        public InformationLoss lowerBound(int[] levels) {
            return aggregate.aggregate(j -> AggregateFunction.floor10(generalization[j][levels[j]]), context.weights());
        }
    }
}

package org.uepdeid.anonymizer.metric;

import java.util.Objects;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * ARX's "Loss" (METRICS.md §5.1): per attribute, the share of the hierarchy's domain each record's label covers,
 * suppressed records costing the whole domain, rescaled so the original data scores 0 and full suppression 1.
 */
public record LossMetric(double gsFactor, AggregateFunction aggregate) implements Metric {

    public LossMetric {
        new GsFactor(gsFactor);
        aggregate = Objects.requireNonNullElse(aggregate, AggregateFunction.GEOMETRIC_MEAN);
    }

    @Override
    public String type() {
        return "loss";
    }

    @Override
    public boolean isMonotonic(boolean suppressionAllowed) {
        return !suppressionAllowed;
    }

    @Override
    public NodeScorer bind(MetricContext context) {
        return new Scorer(context, new GsFactor(gsFactor), aggregate);
    }

    private static final class Scorer implements NodeScorer {
        private final int m;
        private final long n;
        private final double gF;
        private final double sF;
        private final double[] weights;
        private final AggregateFunction aggregate;
        private final double[][][] share; // [attribute][level][label]
        private final double[] offset; // a_j = gF * n / |H_j|: the score of the original data
        private final double[][] bound; // [attribute][level]: the loss with no record suppressed
        private final double[][] suppressedBound; // [attribute][level]: the loss with at least one record suppressed
        private final boolean suppressionCharged; // whether some level's suppressed bound exceeds its plain one

        Scorer(MetricContext context, GsFactor gs, AggregateFunction aggregate) {
            this.m = context.dimensions();
            this.n = context.records();
            this.gF = gs.generalization();
            this.sF = gs.suppression();
            this.weights = context.weights();
            this.aggregate = aggregate;
            this.share = new double[m][][];
            this.offset = new double[m];
            this.bound = new double[m][];
            this.suppressedBound = new double[m][];
            boolean charged = false;
            for (int j = 0; j < m; j++) {
                Hierarchy h = context.hierarchies().get(j);
                share[j] = new double[h.height() + 1][];
                for (int level = 0; level <= h.height(); level++) {
                    share[j][level] = new double[h.labelCount(level)];
                    for (int label = 0; label < share[j][level].length; label++) {
                        share[j][level][label] = (double) h.rowsWithLabel(level, label) / h.size();
                    }
                }
                offset[j] = gF * n / h.size();
                long[] counts = context.baseCounts(j);
                bound[j] = new double[h.height() + 1];
                suppressedBound[j] = new double[h.height() + 1];
                for (int level = 0; level <= h.height(); level++) {
                    double generalized = 0;
                    double cheapest = Double.MAX_VALUE; // the least a record's suppression adds, over present labels
                    for (int row = 0; row < counts.length; row++) {
                        double sigma = share[j][level][h.labelOf(row, level)];
                        generalized += gF * counts[row] * sigma;
                        if (counts[row] > 0) {
                            cheapest = Math.min(cheapest, suppressionExtra(sigma));
                        }
                    }
                    bound[j][level] = normalize(j, generalized);
                    // One step of the 10-decimal truncation below, as the score sums in another order.
                    suppressedBound[j][level] = Math.max(bound[j][level],
                            normalize(j, generalized + (cheapest == Double.MAX_VALUE ? 0 : cheapest)) - 1e-10);
                    charged |= suppressedBound[j][level] > bound[j][level];
                }
            }
            this.suppressionCharged = charged;
        }

        /**
         * What suppressing one record whose label covers {@code sigma} of the domain adds to its generalized cost: never
         * negative, as one of gF and sF is 1.
         */
        private double suppressionExtra(double sigma) {
            return sigma + sF * (1 - sigma) - gF * sigma;
        }

        private double normalize(int j, double cost) {
            double range = n - offset[j];
            return range <= 0 ? 0 : AggregateFunction.floor10(Math.max(0, (cost - offset[j]) / range));
        }

        @Override
        public InformationLoss score(ClassifiedNode node) {
            FrequencyTable classes = node.classes();
            int[] levels = node.levels();
            double[] cost = new double[m];
            for (int c = 0; c < classes.size(); c++) {
                double count = classes.count(c);
                boolean suppressed = node.suppressed()[c];
                for (int j = 0; j < m; j++) {
                    double sigma = share[j][levels[j]][classes.key(c, j)];
                    if (!suppressed) {
                        cost[j] += gF * count * sigma;
                    } else if (sF == 1) {
                        cost[j] += count;
                    } else {
                        cost[j] += count * sigma + sF * (count - count * sigma);
                    }
                }
            }
            return aggregate.aggregate(j -> normalize(j, cost[j]), weights);
        }

        @Override
        public InformationLoss lowerBound(int[] levels) {
            return aggregate.aggregate(j -> bound[j][levels[j]], weights);
        }

        @Override
        public InformationLoss suppressedLowerBound(int[] levels) {
            return suppressionCharged ? aggregate.aggregate(j -> suppressedBound[j][levels[j]], weights) : null;
        }

        @Override
        public InformationLoss classLoss(FrequencyTable classes, int[] levels, int tuple) {
            return aggregate.aggregate(j -> classes.count(tuple) * share[j][levels[j]][classes.key(tuple, j)], weights);
        }
    }
}

package org.uepdeid.anonymizer.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.data.FrequencyTableBuilder;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * Every metric against values worked out by hand from {@code shared/conformance/METRICS.md} §4–§6 on one small table:
 * six records (age, sex) = (1,m) (1,m) (2,f) (3,m) (4,f) (4,f); age generalizes 1,2 → "1-2", 3,4 → "3-4" → "*"
 * (4 hierarchy rows, height 2), sex m,f → "*" (2 rows, height 1). At levels [1, 0] the classes are (1-2,m):2,
 * (1-2,f):1, (3-4,m):1, (3-4,f):2, and the two singletons are suppressed (S = 2, U = 4, n = 6).
 */
class MetricsTest {

    private static final Hierarchy AGE = Hierarchy.of("age", List.of(List.of("1", "1-2", "*"),
            List.of("2", "1-2", "*"), List.of("3", "3-4", "*"), List.of("4", "3-4", "*")), "test");
    private static final Hierarchy SEX = Hierarchy.of("sex", List.of(List.of("m", "*"), List.of("f", "*")), "test");
    private static final String[][] RECORDS = {{"1", "m"}, {"1", "m"}, {"2", "f"}, {"3", "m"}, {"4", "f"}, {"4", "f"}};
    private static final int[] NODE = {1, 0};

    private static FrequencyTable classes(int[] levels) {
        FrequencyTableBuilder builder = FrequencyTable.builder(2, null);
        for (int r = 0; r < RECORDS.length; r++) {
            builder.add(new int[] {AGE.labelOf(AGE.rowOf(RECORDS[r][0]), levels[0]),
                    SEX.labelOf(SEX.rowOf(RECORDS[r][1]), levels[1])}, 0, 1, r);
        }
        return builder.build();
    }

    private static MetricContext context(double... weights) {
        return new MetricContext(List.of(AGE, SEX), classes(new int[] {0, 0}), weights);
    }

    /** The node [1, 0] with every class below {@code k} records suppressed. */
    private static ClassifiedNode node(int[] levels, int k) {
        FrequencyTable classes = classes(levels);
        boolean[] suppressed = new boolean[classes.size()];
        long records = 0;
        for (int c = 0; c < classes.size(); c++) {
            suppressed[c] = classes.count(c) < k;
            records += suppressed[c] ? classes.count(c) : 0;
        }
        return new ClassifiedNode(levels, classes, suppressed, records);
    }

    private static double score(Metric metric, int k) {
        return metric.bind(context(1, 1)).score(node(NODE, k)).value();
    }

    @Test
    void lossChargesDomainSharesAndWholeDomainsForSuppressedRecords() {
        // age: kept 2·½ + 2·½, suppressed 1 + 1: A = 4, a = 6/4, L = 2.5/4.5 → 0.5555555555 (floor10).
        // sex: kept 2·½ + 2·½, suppressed 2: A = 4, a = 6/2, L = 1/3 → 0.3333333333.
        assertThat(score(new LossMetric(0.5, AggregateFunction.SUM), 2)).isEqualTo(0.5555555555 + 0.3333333333);
        assertThat(score(new LossMetric(0.5, null), 2)).as("geometric mean by default")
                .isCloseTo(Math.sqrt(1.5555555555 * 1.3333333333) - 1, offset(1e-15));
        assertThat(score(new LossMetric(0.5, AggregateFunction.SUM), 1)).as("nothing suppressed: age 1/3, sex 0")
                .isEqualTo(0.3333333333);
    }

    @Test
    void lossWeighsSuppressionByTheGsFactor() {
        // gs = 0 (gF 1, sF 0): a suppressed record costs only its share: age A = 3 → 1/3, sex A = 3 → 0.
        assertThat(score(new LossMetric(0, AggregateFunction.SUM), 2)).isEqualTo(0.3333333333);
        // gs = 1 (gF 0, sF 1): only suppression costs, a = 0: age 2/6, sex 2/6.
        assertThat(score(new LossMetric(1, AggregateFunction.SUM), 2)).isEqualTo(2 * 0.3333333333);
    }

    @Test
    void lossLowerBoundIsTheLossWithNothingSuppressed() {
        NodeScorer scorer = new LossMetric(0.5, AggregateFunction.SUM).bind(context(1, 1));

        assertThat(scorer.lowerBound(NODE).value()).isEqualTo(0.3333333333);
        assertThat(scorer.lowerBound(new int[] {0, 0}).value()).isEqualTo(0);
        assertThat(scorer.lowerBound(new int[] {2, 1}).value()).as("everything at the root: 1 per attribute").isEqualTo(2);
    }

    @Test
    void lossWithARecordSuppressedAddsTheCheapestRecordsSuppression() {
        // gs = 0.5 (gF = sF = 1): suppressing a record of share σ adds σ + (1 − σ) − σ = 1 − σ = ½ at [1, 0] in both
        // attributes. age (3 + ½ − 1.5) / 4.5 = 0.4444444444, sex (3 + ½ − 3) / 3 = 0.1666666666, each one 10-decimal
        // step lower for the summation order.
        NodeScorer half = new LossMetric(0.5, AggregateFunction.SUM).bind(context(1, 1));
        assertThat(half.suppressedLowerBound(NODE).value()).isCloseTo(0.4444444443 + 0.1666666665, offset(1e-15));
        assertThat(half.suppressedLowerBound(NODE).value()).as("never above a node that suppresses two")
                .isLessThan(score(new LossMetric(0.5, AggregateFunction.SUM), 2));
        assertThat(half.suppressedLowerBound(new int[] {2, 1}).value()).as("at the root suppression adds nothing")
                .isEqualTo(half.lowerBound(new int[] {2, 1}).value());
        // gs = 1 (gF 0, sF 1): generalization is free, one suppressed record costs 1/6 per attribute.
        NodeScorer suppressionOnly = new LossMetric(1, AggregateFunction.SUM).bind(context(1, 1));
        assertThat(suppressionOnly.lowerBound(NODE).value()).isZero();
        assertThat(suppressionOnly.suppressedLowerBound(NODE).value()).isCloseTo(2 * 0.1666666665, offset(1e-15));
        // gs = 0 (sF 0): a suppressed record costs only its share, so nothing is gained over the plain bound.
        assertThat(new LossMetric(0, AggregateFunction.SUM).bind(context(1, 1)).suppressedLowerBound(NODE)).isNull();
    }

    @Test
    void lossOfOneClassIsItsRecordsTimesItsShares() {
        FrequencyTable classes = classes(NODE);
        NodeScorer scorer = new LossMetric(0.5, AggregateFunction.SUM).bind(context(1, 1));
        int pair = -1;
        for (int c = 0; c < classes.size(); c++) {
            pair = classes.count(c) == 2 ? c : pair;
        }

        // 2 records · (½ for the age range + ½ for one sex of two).
        assertThat(scorer.classLoss(classes, NODE, pair).value()).isEqualTo(2.0);
    }

    @Test
    void monotonicNonUniformEntropyIgnoresSuppression() {
        // age at level 1: a = (2, 1, 1, 2), b = 3 per range: 2·log2(3/2) + log2 3 + log2 3 + 2·log2(3/2) = 5.5098;
        // sex at level 0 loses nothing.
        double age = 4 * Math.log(1.5) / Math.log(2) + 2 * Math.log(3) / Math.log(2);
        assertThat(score(new NonUniformEntropy(true, 0.5, null), 2)).isCloseTo(age, offset(1e-9));
        assertThat(score(new NonUniformEntropy(true, 0.5, null), 1)).isCloseTo(age, offset(1e-9));
    }

    @Test
    void nonMonotonicNonUniformEntropyAddsTheSuppressedBlocksEntropy() {
        // Suppressed (1-2,f) and (3-4,m): per attribute two labels once each among S = 2: 1·log2 2 + 1·log2 2 = 2.
        double age = 4 * Math.log(1.5) / Math.log(2) + 2 * Math.log(3) / Math.log(2);
        assertThat(score(new NonUniformEntropy(false, 0.5, null), 2)).isCloseTo(age + 2 + 2, offset(1e-9));
        assertThat(score(new NonUniformEntropy(false, 0.5, null), 1)).isCloseTo(age, offset(1e-9));
    }

    @Test
    void discernibilityChargesSuppressedRecordsTheWholeTable() {
        // DM* = 2² + 1² + 1² + 2² = 10; DM = 2² + 2² + n·S = 8 + 12 = 20.
        assertThat(score(new Discernibility(true), 2)).isEqualTo(10);
        assertThat(score(new Discernibility(false), 2)).isEqualTo(20);
        assertThat(score(new Discernibility(false), 1)).isEqualTo(10);
        // Before judging, the classes bound both variants by DM* = 10, and [2, 1] (one class of 6) by 36.
        NodeScorer dm = new Discernibility(false).bind(context(1, 1));
        assertThat(dm.classBound(classes(NODE)).value()).isEqualTo(10);
        assertThat(dm.classBound(classes(new int[] {2, 1})).value()).isEqualTo(36);
    }

    @Test
    void averageClassSizeCountsTheSuppressedRecordsAsOneClass() {
        // 6 records / (2 kept classes + 1).
        assertThat(score(new AverageClassSize(0.5), 2)).isEqualTo(2.0);
        assertThat(score(new AverageClassSize(0.5), 1)).isEqualTo(1.5);
        // Before judging: 6 records over the 4 classes, which no suppression can raise above.
        assertThat(new AverageClassSize(0.5).bind(context(1, 1)).classBound(classes(NODE)).value()).isEqualTo(1.5);
    }

    @Test
    void precisionIsLevelOverHeightWithSuppressedRecordsFullyGeneralized() {
        // r = (1/2, 0). Non-monotonic: age (4·½ + 2)/6 = 2/3, sex (0 + 2)/6 = 1/3, mean ½. Monotonic: (½ + 0)/2.
        assertThat(score(new Precision(false, 0.5, null), 2)).isCloseTo(0.5, offset(1e-15));
        assertThat(score(new Precision(true, 0.5, null), 2)).isEqualTo(0.25);
    }

    @Test
    void heightSumsTheLevels() {
        assertThat(score(new Height(null), 2)).isEqualTo(1);
        assertThat(new Height(null).bind(context(1, 1)).lowerBound(new int[] {2, 1}).value()).isEqualTo(3);
    }

    @Test
    void weightsScaleEachAttributesValue() {
        // sex weighs 0 of age's 1: only age's 2.5/4.5 remains.
        assertThat(new LossMetric(0.5, AggregateFunction.SUM).bind(context(1, 0)).score(node(NODE, 2)).value())
                .isEqualTo(0.5555555555);
    }

    @Test
    void gsFactorSplitsIntoGeneralizationAndSuppressionFactors() {
        assertThat(new GsFactor(0)).extracting(GsFactor::generalization, GsFactor::suppression).containsExactly(1.0, 0.0);
        assertThat(new GsFactor(0.33).suppression()).isEqualTo(0.66);
        assertThat(new GsFactor(0.5)).extracting(GsFactor::generalization, GsFactor::suppression).containsExactly(1.0, 1.0);
        assertThat(new GsFactor(0.66).generalization()).isCloseTo(0.68, offset(1e-12));
        assertThat(new GsFactor(1)).extracting(GsFactor::generalization, GsFactor::suppression).containsExactly(0.0, 1.0);
    }
}

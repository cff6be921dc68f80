package org.uepdeid.anonymizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * Each per-class privacy model against values worked out by hand from its definition in
 * {@code shared/conformance/METRICS.md} §2, on one class at a time. The table's distribution is a:4, b:2, c:1, d:1
 * (n = 8, q = 1/2, 1/4, 1/8, 1/8); each case sits at or just beside the model's threshold, so a changed factor, sign
 * or comparison flips a verdict.
 */
class ClassModelsTest {

    private static final String S = "disease";
    private static final SensitiveDistribution TABLE = new SensitiveDistribution(S, List.of("a", "b", "c", "d"),
            new long[] {4, 2, 1, 1}, 8);

    /** The verdict of a model on one class with this histogram over a, b, c, d. */
    private static boolean satisfied(ClassModel model, SensitiveDistribution table, int... histogram) {
        int count = 0;
        for (int f : histogram) {
            count += f;
        }
        // The class sits at offset 4 of a longer array: the criterion must read its own slice only.
        int[] flat = new int[histogram.length * 2];
        System.arraycopy(histogram, 0, flat, histogram.length, histogram.length);
        return model.bind(table).isSatisfied(count, flat, histogram.length);
    }

    private static boolean satisfied(ClassModel model, int... histogram) {
        return satisfied(model, TABLE, histogram);
    }

    @Test
    void distinctLDiversityCountsDistinctValues() {
        assertThat(satisfied(new DistinctLDiversity(S, 2), 2, 1, 0, 0)).isTrue();
        assertThat(satisfied(new DistinctLDiversity(S, 3), 2, 1, 0, 0)).isFalse();
        assertThat(satisfied(new DistinctLDiversity(S, 3), 0, 1, 1, 1)).isTrue();
    }

    @Test
    void shannonEntropyLDiversityNeedsEntropyOfLnL() {
        // H(1,1) = ln 2 exactly: the boundary passes.
        assertThat(satisfied(new EntropyLDiversity(S, 2, EntropyLDiversity.Estimator.SHANNON), 1, 1, 0, 0)).isTrue();
        // H(3,1) = 0.5623 nats < ln 2 = 0.6931, although the class holds 2 distinct values.
        assertThat(satisfied(new EntropyLDiversity(S, 2, EntropyLDiversity.Estimator.SHANNON), 3, 1, 0, 0)).isFalse();
        assertThat(satisfied(new EntropyLDiversity(S, 1.75, EntropyLDiversity.Estimator.SHANNON), 3, 1, 0, 0))
                .as("ln 1.75 = 0.5596 <= 0.5623").isTrue();
        // H(2,1,1) = 1.0397: ln 2.8 = 1.0296 passes, ln 2.9 = 1.0647 fails.
        assertThat(satisfied(new EntropyLDiversity(S, 2.8, null), 2, 1, 1, 0)).isTrue();
        assertThat(satisfied(new EntropyLDiversity(S, 2.9, null), 2, 1, 1, 0)).isFalse();
    }

    @Test
    void entropyLDiversityImpliesCeilingOfLDistinctValuesAndRecords() {
        EntropyLDiversity model = new EntropyLDiversity(S, 2.5, EntropyLDiversity.Estimator.SHANNON);

        assertThat(model.minimalClassSize()).isEqualTo(3);
        assertThat(model.requiredDistinctValues()).isEqualTo(3);
        // Entropy ln 2 would not pass 2.5 anyway; 2 distinct values fail on their own even with a huge class.
        assertThat(satisfied(model, 50, 50, 0, 0)).isFalse();
    }

    @Test
    void grassbergerEntropyUsesPsiOnBothSides() {
        EntropyLDiversity model = new EntropyLDiversity(S, 2, EntropyLDiversity.Estimator.GRASSBERGER);

        // (3,1): 3·G(3) + G(1) = 0.9185 <= 4·(G(4) − ln 2) = 2.8126, while Shannon rejects the same class.
        assertThat(satisfied(model, 3, 1, 0, 0)).isTrue();
        // (1,1): 2·G(1) = −2.5407 <= 2·(G(2) − ln 2) = 0.0730.
        assertThat(satisfied(model, 1, 1, 0, 0)).isTrue();
        // (9,1): 9·G(9) + G(1) = 17.47 > 10·(G(10) − ln 2) = 16.11; (5,1): 5.71 <= 6·(G(6) − ln 2) = 6.62.
        assertThat(satisfied(model, 9, 1, 0, 0)).isFalse();
        assertThat(satisfied(model, 5, 1, 0, 0)).isTrue();
        // (3,2): 5·G(2) = 3.648 > 5·(G(5) − ln 2) = 3.516, where ln 5 in place of G(5) would give 4.582.
        assertThat(satisfied(model, 3, 2, 0, 0)).isFalse();
    }

    @Test
    void grassbergerDigammaMatchesItsClosedForm() {
        double gamma = 0.5772156649015329;
        assertThat(GrassbergerDigamma.value(1)).isEqualTo(-1.2703628454614782);
        double sum = 0;
        for (int k = 1; k <= 500; k++) {
            sum += 2.0 / (2 * k - 1);
            double closed = -gamma - Math.log(2) + sum;
            assertThat(GrassbergerDigamma.value(2 * k)).as("G(%d)", 2 * k).isCloseTo(closed, within(1e-9));
            assertThat(GrassbergerDigamma.value(2 * k + 1)).as("odd x uses G(x - 1)").isCloseTo(closed, within(1e-9));
        }
    }

    @Test
    void recursiveCLDiversityComparesTheTopValueStrictlyWithTheTail() {
        // Sorted (4,2,1): l = 2 tests 4 < c·(2 + 1); l = 3 tests 4 < c·1.
        assertThat(satisfied(new RecursiveCLDiversity(S, 2, 2), 4, 2, 1, 0)).isTrue();
        assertThat(satisfied(new RecursiveCLDiversity(S, 4.0 / 3, 2), 4, 2, 1, 0)).as("4 < 4 is false").isFalse();
        assertThat(satisfied(new RecursiveCLDiversity(S, 4.01, 3), 1, 4, 2, 0)).isTrue();
        assertThat(satisfied(new RecursiveCLDiversity(S, 4, 3), 1, 4, 2, 0)).isFalse();
        // (3,3): 3 < c·3 holds only for c > 1.
        assertThat(satisfied(new RecursiveCLDiversity(S, 1, 2), 3, 3, 0, 0)).isFalse();
        assertThat(satisfied(new RecursiveCLDiversity(S, 1.01, 2), 3, 3, 0, 0)).isTrue();
        assertThat(satisfied(new RecursiveCLDiversity(S, 100, 3), 5, 5, 0, 0)).as("fewer than l values").isFalse();
    }

    @Test
    void equalDistanceTClosenessIsHalfTheL1Distance() {
        // p = (1/2, 1/2, 0, 0): ½·(0 + 1/4 + 1/8 + 1/8) = 1/4.
        assertThat(satisfied(new EqualDistanceTCloseness(S, 0.25), 1, 1, 0, 0)).isTrue();
        assertThat(satisfied(new EqualDistanceTCloseness(S, 0.24), 1, 1, 0, 0)).isFalse();
        // p = (0, 0, 1/2, 1/2): ½·(1/2 + 1/4 + 3/8 + 3/8) = 3/4.
        assertThat(satisfied(new EqualDistanceTCloseness(S, 0.75), 0, 0, 1, 1)).isTrue();
        assertThat(satisfied(new EqualDistanceTCloseness(S, 0.74), 0, 0, 1, 1)).isFalse();
        // The table's own distribution is at distance 0.
        assertThat(satisfied(new EqualDistanceTCloseness(S, 0), 4, 2, 1, 1)).isTrue();
    }

    @Test
    void orderedDistanceTClosenessSumsCumulativeDifferences() {
        // p − q = (0, 1/4, −1/8, −1/8), cumulative (0, 1/4, 1/8, 0): Σ = 3/8, over M − 1 = 3 gives 1/8.
        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.125, false), 1, 1, 0, 0)).isTrue();
        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.12, false), 1, 1, 0, 0)).isFalse();
        // p = (0, 0, 1/2, 1/2): cumulative (−1/2, −3/4, −3/8, 0): Σ = 13/8, EMD = 13/24 = 0.5417.
        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.55, false), 0, 0, 1, 1)).isTrue();
        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.54, false), 0, 0, 1, 1)).isFalse();
    }

    @Test
    void orderedDistanceTClosenessOrdersAsStringsOrAsNumbers() {
        // Values 9, 10, 2 once each; a class holding only "9". As strings 10 < 2 < 9: p − q = (−1/3, −1/3, 2/3),
        // cumulative Σ = 1, EMD 1/2. As numbers 2 < 9 < 10: (−1/3, 2/3, −1/3), Σ = 2/3, EMD 1/3.
        SensitiveDistribution numbers = new SensitiveDistribution(S, List.of("9", "10", "2"), new long[] {1, 1, 1}, 3);

        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.4, true), numbers, 1, 0, 0)).isTrue();
        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.4, false), numbers, 1, 0, 0)).isFalse();
        assertThat(satisfied(new OrderedDistanceTCloseness(S, 0.5, false), numbers, 1, 0, 0)).isTrue();
    }

    @Test
    void hierarchicalDistanceTClosenessChargesEachInnerNodeByItsLevel() {
        // a, b under "ab"; c, d under "cd"; both under "*" (height 2).
        Hierarchy tree = Hierarchy.of(S, List.of(List.of("a", "ab", "*"), List.of("b", "ab", "*"),
                List.of("c", "cd", "*"), List.of("d", "cd", "*")), "test");
        // p = (1/2, 1/2, 0, 0), e = q − p = (0, −1/4, 1/8, 1/8): "ab" and "cd" net within themselves at no cost
        // (one side is empty), "*" moves 1/4 at full height: EMD = 1/4.
        assertThat(satisfied(new HierarchicalDistanceTCloseness(S, 0.25, tree), 1, 1, 0, 0)).isTrue();
        assertThat(satisfied(new HierarchicalDistanceTCloseness(S, 0.24, tree), 1, 1, 0, 0)).isFalse();
        // p = (0, 1, 0, 0), e = (1/2, −3/4, 1/8, 1/8): "ab" moves 1/2 at half height (1/4), "*" moves 1/4: EMD 1/2.
        assertThat(satisfied(new HierarchicalDistanceTCloseness(S, 0.5, tree), 0, 2, 0, 0)).isTrue();
        assertThat(satisfied(new HierarchicalDistanceTCloseness(S, 0.49, tree), 0, 2, 0, 0)).isFalse();
    }

    @Test
    void hierarchicalDistanceTClosenessNamesAValueMissingFromItsHierarchy() {
        Hierarchy partial = Hierarchy.of(S, List.of(List.of("a", "*"), List.of("b", "*")), "test.csv");

        assertThatThrownBy(() -> new HierarchicalDistanceTCloseness(S, 0.2, partial).bind(TABLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'").hasMessageContaining(S);
    }

    @Test
    void sizeModelsImplyTheirMinimalClassSize() {
        assertThat(new KAnonymity(5).minimalClassSize()).isEqualTo(5);
        assertThat(new MaximumRisk(0.1).minimalClassSize()).isEqualTo(10);
        assertThat(new MaximumRisk(1.0 / 49).minimalClassSize()).as("1/(1/49) is 49.00000000000001 in doubles")
                .isEqualTo(49);
        assertThat(new MaximumRisk(0.3).minimalClassSize()).as("⌈3.33⌉").isEqualTo(4);
        assertThat(new MaximumRisk(0.25).minimalClassSize()).isEqualTo(4);
        assertThat(new DistinctLDiversity(S, 3).minimalClassSize()).isEqualTo(3);
        assertThat(new RecursiveCLDiversity(S, 2, 2).minimalClassSize()).isEqualTo(2);
        assertThat(new EqualDistanceTCloseness(S, 0.2).minimalClassSize()).as("t-closeness alone: any size").isEqualTo(1);
    }

    @Test
    void monotonicityFollowsArxsTable() {
        assertThat(new KAnonymity(2).isMonotonic(true)).isTrue();
        assertThat(new DistinctLDiversity(S, 2).isMonotonic(true)).isTrue();
        for (ClassModel model : List.of(new EntropyLDiversity(S, 2, null), new RecursiveCLDiversity(S, 2, 2),
                new EqualDistanceTCloseness(S, 0.2), new OrderedDistanceTCloseness(S, 0.2, false))) {
            assertThat(model.isMonotonic(true)).as("%s with suppression", model).isFalse();
            assertThat(model.isMonotonic(false)).as("%s without suppression", model).isTrue();
        }
    }

    @Test
    void constructorsRejectOutOfRangeValuesNamingTheModel() {
        assertThatThrownBy(() -> new KAnonymity(0)).hasMessageStartingWith("k-anonymity: k");
        assertThatThrownBy(() -> new EqualDistanceTCloseness(S, 1.5)).hasMessageStartingWith("equal-t-closeness: t");
        assertThatThrownBy(() -> new MaximumRisk(0)).hasMessageStartingWith("maximum-risk: threshold");
        assertThatThrownBy(() -> new RecursiveCLDiversity(S, 0, 2)).hasMessageStartingWith("recursive-cl-diversity: c");
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }
}

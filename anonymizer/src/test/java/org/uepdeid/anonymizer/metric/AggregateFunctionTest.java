package org.uepdeid.anonymizer.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** METRICS.md §6.2–6.3 on values (0.3, 0.4) with weights (1, 0.5), i.e. weighted (0.3, 0.2). */
class AggregateFunctionTest {

    private static final double[] VALUES = {0.3, 0.4};
    private static final double[] WEIGHTS = {1, 0.5};

    @Test
    void eachFunctionCombinesWeightedValues() {
        assertThat(AggregateFunction.SUM.aggregate(VALUES, WEIGHTS).value()).isEqualTo(0.3 + 0.2);
        assertThat(AggregateFunction.ARITHMETIC_MEAN.aggregate(VALUES, WEIGHTS).value()).isEqualTo(0.15 + 0.1);
        assertThat(AggregateFunction.GEOMETRIC_MEAN.aggregate(VALUES, WEIGHTS).value())
                .isEqualTo(Math.pow(1.3, 0.5) * Math.pow(1.2, 0.5) - 1);
        assertThat(AggregateFunction.MAXIMUM.aggregate(VALUES, WEIGHTS).value()).isEqualTo(0.3);
    }

    @Test
    void rankSortsWeightedValuesDescendingAndComparesLexicographically() {
        InformationLoss ranked = AggregateFunction.RANK.aggregate(new double[] {0.1, 0.4, 0.3}, new double[] {1, 1, 1});

        assertThat(ranked.values()).containsExactly(0.4, 0.3, 0.1);
        assertThat(ranked).isLessThan(new InformationLoss(new double[] {0.4, 0.3, 0.2}, true))
                .isGreaterThan(new InformationLoss(new double[] {0.4, 0.2, 0.9}, true));
        assertThat(ranked.toString()).isEqualTo("[0.4, 0.3, 0.1]");
    }

    @Test
    void floor10TruncatesToTenDecimals() {
        assertThat(AggregateFunction.floor10(0.12345678919)).isEqualTo(0.1234567891);
        assertThat(AggregateFunction.floor10(2.5 / 4.5)).isEqualTo(0.5555555555);
    }

    @Test
    void approximateComparisonForgivesRoundingOnly() {
        InformationLoss a = InformationLoss.of(1000.0);

        assertThat(a.compareApproximately(InformationLoss.of(1000.0 + 1e-8))).isZero();
        assertThat(a.compareApproximately(InformationLoss.of(1000.001))).isNegative();
        assertThat(InformationLoss.of(Double.POSITIVE_INFINITY).compareApproximately(a)).isPositive();
    }

    @Test
    void parsesThePolicySpelling() {
        assertThat(AggregateFunction.parse("geometric-mean")).isEqualTo(AggregateFunction.GEOMETRIC_MEAN);
        assertThatThrownBy(() -> AggregateFunction.parse("median")).hasMessageContaining("'median'");
    }
}

package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.labelsOf;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Intervals;

class IntervalsTest {

    private static final Intervals TENS = Intervals.linear(dec("0"), dec("100"), dec("10"), 2);

    @Test
    void linearIntervalsMergeByFanoutUntilOneGroupWouldRemain() {
        Hierarchy h = TENS.build("age", List.of("37", "95", "4"));

        // 10 intervals, then 5, 3 and 2 groups; one group would equal '*'.
        assertThat(h.height()).isEqualTo(5);
        assertThat(labelsOf(h, "37")).containsExactly("[30, 40)", "[20, 40)", "[0, 40)", "[0, 80)", "*");
        assertThat(labelsOf(h, "95")).containsExactly("[90, 100)", "[80, 100)", "[80, 100)", "[80, 100)", "*");
        assertThat(labelsOf(h, "4")).containsExactly("[0, 10)", "[0, 20)", "[0, 40)", "[0, 80)", "*");
    }

    @Test
    void valuesOutsideMinMaxAreBottomAndTopCoded() {
        Hierarchy h = TENS.build("age", List.of("-3", "100", "250.5", "0", "99.99"));

        assertThat(labelsOf(h, "-3")).containsExactly("<0", "<0", "<0", "<0", "*");
        assertThat(labelsOf(h, "100")).containsExactly(">=100", ">=100", ">=100", ">=100", "*");
        assertThat(labelsOf(h, "250.5")).first().isEqualTo(">=100");
        assertThat(labelsOf(h, "0")).first().isEqualTo("[0, 10)");
        assertThat(labelsOf(h, "99.99")).first().isEqualTo("[90, 100)");
    }

    @Test
    void lastIntervalIsCutAtMax() {
        Hierarchy h = Intervals.linear(dec("0"), dec("25"), dec("10"), 2).build("cores", List.of("21", "5"));

        // Three intervals: level 2 pairs the first two and leaves the cut one alone.
        assertThat(labelsOf(h, "21")).containsExactly("[20, 25)", "[20, 25)", "*");
        assertThat(labelsOf(h, "5")).containsExactly("[0, 10)", "[0, 20)", "*");
    }

    @Test
    void decimalValuesAndBoundsPrintPlainly() {
        Intervals quarters = Intervals.linear(dec("0"), dec("1E+0"), dec("0.250"), 4);

        Hierarchy h = quarters.build("ratio", List.of("0.3", "0.30", "1e-1"));

        assertThat(h.size()).isEqualTo(3);
        assertThat(labelsOf(h, "0.3")).containsExactly("[0.25, 0.5)", "*");
        assertThat(labelsOf(h, "0.30")).isEqualTo(labelsOf(h, "0.3"));
        assertThat(labelsOf(h, "1e-1")).containsExactly("[0, 0.25)", "*");
    }

    @Test
    void memorySizesInFixedWidthIntervals() {
        Hierarchy h = Intervals.linear(dec("0"), dec("1048576"), dec("16384"), 2)
                .build("memory_mb", List.of("16384", "32767", "2000000"));

        assertThat(labelsOf(h, "16384")).first().isEqualTo("[16384, 32768)");
        assertThat(labelsOf(h, "32767")).first().isEqualTo("[16384, 32768)");
        assertThat(labelsOf(h, "2000000")).first().isEqualTo(">=1048576");
    }

    @Test
    void log2ScaleGivesPowerOfTwoBucketsThenMergesThem() {
        Hierarchy h = Intervals.log2(dec("1024"), dec("1048576"), 2)
                .build("memory_mb", List.of("8192", "16383", "16384", "512"));

        // 10 doublings from 1024 reach 1048576: 10, 5, 3, 2 groups, then '*'.
        assertThat(h.height()).isEqualTo(5);
        assertThat(labelsOf(h, "8192")).containsExactly("[8192, 16384)", "[4096, 16384)", "[1024, 16384)",
                "[1024, 262144)", "*");
        assertThat(labelsOf(h, "16383")).first().isEqualTo("[8192, 16384)");
        assertThat(labelsOf(h, "16384")).first().isEqualTo("[16384, 32768)");
        assertThat(labelsOf(h, "512")).first().isEqualTo("<1024");
    }

    @Test
    void rowsAreInNumericOrder() {
        Hierarchy h = TENS.build("age", List.of("100", "9", "-1", "10", "9.0"));

        assertThat(h.baseValues()).containsExactly("-1", "9", "9.0", "10", "100");
    }

    @Test
    void heightDependsOnTheSpecNotTheDomain() {
        assertThat(TENS.build("age", List.of("5")).height())
                .isEqualTo(TENS.build("age", List.of("5", "15", "95", "-1")).height());
    }

    @Test
    void nonNumericValueIsRejectedNamingValueAttributeAndSpec() {
        assertThatThrownBy(() -> TENS.build("memory_mb", List.of("4096", "abc", "16G")))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'memory_mb'", "intervals(min=0, max=100, width=10, fanout=2)",
                        "value '16G' is not a number", "(and 1 more values)");
    }

    @Test
    void constructorRejectsBadFieldsNamingThem() {
        assertThatThrownBy(() -> Intervals.linear(dec("5"), dec("5"), dec("1"), 2))
                .hasMessageContaining("min (5) must be below max (5)");
        assertThatThrownBy(() -> Intervals.linear(dec("0"), dec("5"), dec("1"), 1))
                .hasMessageContaining("fanout must be at least 2, got 1");
        assertThatThrownBy(() -> Intervals.linear(dec("0"), dec("5"), dec("-0.5"), 2))
                .hasMessageContaining("width must be positive, got -0.5");
        assertThatThrownBy(() -> Intervals.linear(dec("0"), dec("5"), null, 2))
                .hasMessageContaining("width (for scale linear) is required");
        assertThatThrownBy(() -> new Intervals(dec("1"), dec("5"), dec("1"), 2, Intervals.Scale.LOG2))
                .hasMessageContaining("width must be absent for scale log2");
        assertThatThrownBy(() -> Intervals.log2(dec("0"), dec("5"), 2))
                .hasMessageContaining("min must be positive for scale log2, got 0");
        assertThatThrownBy(() -> Intervals.linear(dec("0"), dec("1"), dec("1e-30"), 2))
                .hasMessageContaining("width 0.000000000000000000000000000001 is too small");
        assertThatThrownBy(() -> Intervals.linear(null, dec("1"), dec("1"), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min is required");
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void knownLabelsHoldEveryLabelAnyNumberGets() {
        Intervals cores = Intervals.linear(dec("0"), dec("25"), dec("10"), 2);
        List<String> sample = java.util.stream.IntStream.rangeClosed(-40, 80).mapToObj(i -> dec(i + ".5"))
                .map(BigDecimal::toPlainString).toList();
        Hierarchy data = cores.build("cores", sample);

        for (int level = 1; level <= data.height(); level++) {
            List<String> known = cores.knownLabels("cores", level).orElseThrow();
            for (String value : sample) {
                assertThat(known).as("level %d label of %s", level, value)
                        .contains(data.value(data.rowOf(value), level));
            }
        }
        // Three intervals, with the two outside ones: the labels of level 1, in order.
        assertThat(cores.knownLabels("cores", 1)).get().asList()
                .containsExactly("<0", "[0, 10)", "[10, 20)", "[20, 25)", ">=25");
        assertThat(cores.knownLabels("cores", data.height())).get().asList().containsExactly("*");
        assertThat(cores.knownLabels("cores", 0)).as("level 0: the data's own numbers").isEmpty();
        assertThatThrownBy(() -> cores.knownLabels("cores", data.height() + 1)).isInstanceOf(HierarchyException.class)
                .hasMessageContaining("has no level " + (data.height() + 1));
    }

    @Test
    void knownLabelsOfLog2IntervalsListEachDoubling() {
        Intervals memory = Intervals.log2(dec("1024"), dec("8192"), 2);

        assertThat(memory.knownLabels("memory_mb", 1)).get().asList().containsExactly("<1024", "[1024, 2048)",
                "[2048, 4096)", "[4096, 8192)", ">=8192");
        assertThat(memory.knownLabels("memory_mb", 2)).get().asList().containsExactly("<1024", "[1024, 4096)",
                "[4096, 8192)", ">=8192");
    }

    @Test
    void tooManyIntervalsHaveNoKnownLabels() {
        Intervals fine = Intervals.linear(dec("0"), dec("1000000"), dec("1"), 2);

        assertThat(fine.knownLabels("x", 1)).isEmpty();
    }

}

package org.uepdeid.jobs.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/** Each l-diversity and t-closeness figure on a class worked out by hand. */
class SensitiveMeasureTest {

    /** The release: flu 4, cold 4, hiv 2 (shares 0.4, 0.4, 0.2). */
    private static final Map<String, Long> OVERALL = Map.of("flu", 4L, "cold", 4L, "hiv", 2L);
    /** One class: flu 3, hiv 1 (shares 0.75, 0, 0.25). */
    private static final Map<String, Long> CLASS = Map.of("flu", 3L, "hiv", 1L);

    @Test
    void distinctLCountsValues() {
        DistinctLMeasure m = new DistinctLMeasure(3);
        assertThat(m.ofClass(CLASS)).isEqualTo(2);
        assertThat(m.satisfiedBy(2)).isFalse();
    }

    @Test
    void entropyLIsTheEffectiveNumberOfValues() {
        double shannon = Math.exp(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)));
        assertThat(new EntropyLMeasure(1.5, false).ofClass(CLASS)).isCloseTo(shannon, within(1e-12));
        assertThat(new EntropyLMeasure(2, false).ofClass(Map.of("a", 5L, "b", 5L))).isCloseTo(2, within(1e-12));
        assertThat(new EntropyLMeasure(2, false).satisfiedBy(2)).isTrue();
    }

    @Test
    void grassbergerCorrectsSmallClassesUpward() {
        // G(1) = -γ - ln 2, G(3) = G(2) = G(1) + 2, G(4) = G(2) + 2/3: H = G(4) - (3 G(3) + G(1)) / 4.
        double g1 = -0.5772156649015329 - Math.log(2);
        double expected = Math.exp((g1 + 2 + 2.0 / 3) - (3 * (g1 + 2) + g1) / 4);
        assertThat(new EntropyLMeasure(2, true).ofClass(CLASS)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void recursiveClComparesTheCommonestWithTheTail() {
        RecursiveClMeasure m = new RecursiveClMeasure(3, 2);
        assertThat(m.ofClass(CLASS)).isEqualTo(3.0);
        assertThat(m.satisfiedBy(3.0)).as("r1 < c × tail is strict").isFalse();
        assertThat(new RecursiveClMeasure(3, 3).ofClass(CLASS)).isInfinite();
    }

    @Test
    void equalTIsHalfTheVariationalDistance() {
        // |0.75-0.4| + |0-0.4| + |0.25-0.2| = 0.8
        assertThat(new EqualTMeasure(0.5, OVERALL).ofClass(CLASS)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void orderedTSumsCumulativeDifferences() {
        // lexical order cold, flu, hiv: cumulative -0.4, -0.05, 0 → 0.45 / 2
        assertThat(new OrderedTMeasure(0.5, OVERALL, false).ofClass(CLASS)).isCloseTo(0.225, within(1e-12));
    }

    @Test
    void hierarchicalTPaysTheLevelWhereSurplusAndDeficitMeet() {
        // Respiratory {flu, cold} under *, hiv under *; height 2. Level 1: respiratory nets +0.35 and -0.4 → pays
        // 1/2 × 0.35, then holds -0.05; "hiv" holds +0.05. Level 2: 0.05 meets 0.05 → pays 2/2 × 0.05.
        Hierarchy h = Hierarchy.of("disease", List.of(List.of("flu", "respiratory", "*"),
                List.of("cold", "respiratory", "*"), List.of("hiv", "hiv", "*")), "test");
        assertThat(new HierarchicalTMeasure(0.5, OVERALL, h).ofClass(CLASS)).isCloseTo(0.175 + 0.05, within(1e-12));
    }
}

package org.uepdeid.anonymizer.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.LossMetric;
import org.uepdeid.anonymizer.model.KAnonymity;

/** The built policy's metric weights follow ARX's rule (METRICS.md §6.1). */
class PolicyTest {

    private static Policy policy(Map<String, Double> weights) {
        List<Hierarchy> qis = List.of("age", "sex", "zip").stream()
                .map(name -> Hierarchy.of(name, List.of(List.of("x", "*")), "test")).toList();
        return new Policy(qis, null, List.of(new KAnonymity(2)), 0, new LossMetric(0.5, null), weights, false,
                Duration.ofSeconds(1), 0.2);
    }

    @Test
    void weightsAreDividedByTheirMaximumWithMissingOnesAtOneHalf() {
        assertThat(policy(Map.of("age", 4.0, "sex", 1.0)).normalizedWeights()).containsExactly(1, 0.25, 0.125);
    }

    @Test
    void noWeightsWeighEveryAttributeOne() {
        assertThat(policy(Map.of()).normalizedWeights()).containsExactly(1, 1, 1);
        assertThat(policy(Map.of("age", 0.0, "sex", 0.0, "zip", 0.0)).normalizedWeights()).containsExactly(1, 1, 1);
    }
}

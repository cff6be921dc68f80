package org.uepdeid.anonymizer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.Height;
import org.uepdeid.anonymizer.model.AverageRisk;
import org.uepdeid.anonymizer.model.EntropyLDiversity;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.policy.Policy;

/** Which policies the search may prune as monotonic in privacy. */
class SearchProblemTest {

    private static final Hierarchy STAR_AT_TOP = Hierarchy.of("q", List.of(List.of("a", "ab", "*"),
            List.of("b", "ab", "*"), List.of("c", "cd", "*")), "test");
    private static final Hierarchy STAR_BELOW_TOP = Hierarchy.of("q", List.of(List.of("a", "*", "*"),
            List.of("b", "bc", "*"), List.of("c", "bc", "*")), "test");

    private static boolean monotonic(Hierarchy h, double limit, PrivacyModel... models) {
        FrequencyTable table = FrequencyTable.builder(1, new FrequencyTable.SensitiveValues("s", List.of("x", "y")))
                .add(new int[] {0}, 0, 3, 0).add(new int[] {1}, 1, 2, 3).add(new int[] {2}, 0, 1, 5).build();
        Policy policy = new Policy(List.of(h), "s", List.of(models), limit, new Height(null), Map.of(), false,
                Duration.ofSeconds(1), 0.2);
        return SearchProblem.of(table, policy).privacyMonotonic();
    }

    @Test
    void riskBasedModelsAreMonotonicWhenOnlyTheTopIsCompletelyGeneralized() {
        assertThat(monotonic(STAR_AT_TOP, 0.5, new AverageRisk(0.5), new KAnonymity(2))).isTrue();
        assertThat(monotonic(STAR_BELOW_TOP, 0.5, new AverageRisk(0.5))).isFalse();
        assertThat(monotonic(STAR_BELOW_TOP, 0.5, new KAnonymity(2))).as("k alone ignores no class").isTrue();
    }

    @Test
    void sensitiveModelsAreMonotonicOnlyWithoutSuppression() {
        assertThat(monotonic(STAR_AT_TOP, 0.5, new EntropyLDiversity("s", 2, null))).isFalse();
        assertThat(monotonic(STAR_AT_TOP, 0, new EntropyLDiversity("s", 2, null), new AverageRisk(0.5))).isTrue();
    }
}

package org.uepdeid.anonymizer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.AnonymizationResult;
import org.uepdeid.anonymizer.Anonymizer;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.data.FrequencyTableBuilder;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.metric.Height;
import org.uepdeid.anonymizer.model.KAnonymity;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.RecursiveCLDiversity;
import org.uepdeid.anonymizer.policy.Policy;

/**
 * A lattice of 22 attributes of height 1 has 2^22 = 4,194,304 transformations, more than {@link OptimalSearch}
 * enumerates, so {@link Anonymizer} searches it heuristically: within the time limit it is exact, past the deadline
 * it falls back to the top of the lattice.
 */
class HeuristicSearchTest {

    private static final int DIMENSIONS = 22;
    private static final List<String> DISEASES = List.of("flu", "cold");

    private static Policy policy(List<PrivacyModel> models, Duration timeLimit) {
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (int j = 0; j < DIMENSIONS; j++) {
            hierarchies.add(Hierarchy.of("q" + j, List.of(List.of("a", "*"), List.of("b", "*")), "test"));
        }
        return new Policy(hierarchies, "disease", models, 0, new Height(null), Map.of(), false, timeLimit, 0.2);
    }

    /** Records whose first attribute is a, a, b (every other attribute a), with these diseases. */
    private static FrequencyTable table(int... diseases) {
        FrequencyTableBuilder builder = FrequencyTable.builder(DIMENSIONS,
                new FrequencyTable.SensitiveValues("disease", DISEASES));
        for (int r = 0; r < diseases.length; r++) {
            int[] codes = new int[DIMENSIONS];
            codes[0] = r == diseases.length - 1 ? 1 : 0;
            builder.add(codes, diseases[r], 1, r);
        }
        return builder.build();
    }

    @Test
    void theLatticeIsTooLargeToEnumerate() {
        assertThat(SearchProblem.of(table(0, 0, 0), policy(List.of(new KAnonymity(2)), Duration.ofSeconds(1)))
                .lattice().size()).isGreaterThan(OptimalSearch.MAX_NODES);
    }

    @Test
    void withTimeToSpareItFindsTheOptimumAndProvesIt() {
        // Only the first attribute separates the lone b from the two a's: generalizing it alone is optimal.
        AnonymizationResult result = Anonymizer.anonymize(table(0, 0, 0),
                policy(List.of(new KAnonymity(2)), Duration.ofMinutes(1)));

        int[] expected = new int[DIMENSIONS];
        expected[0] = 1;
        assertThat(result.levels()).isEqualTo(expected);
        assertThat(result.optimal()).isTrue();
        assertThat(result.informationLoss().value()).isEqualTo(1);
        // The bottom, its 22 successors (bound 1) in lower-id-first order, and nothing of bound 2.
        assertThat(result.transformationsChecked()).isEqualTo(1 + DIMENSIONS);
    }

    @Test
    void pastTheDeadlineItFallsBackToTheTopOfTheLattice() {
        AnonymizationResult result = Anonymizer.anonymize(table(0, 0, 0),
                policy(List.of(new KAnonymity(2)), Duration.ofNanos(1)));

        int[] top = new int[DIMENSIONS];
        Arrays.fill(top, 1);
        assertThat(result.levels()).isEqualTo(top);
        assertThat(result.optimal()).as("a cut search proves nothing").isFalse();
        assertThat(result.minClassSize()).isEqualTo(3);
    }

    @Test
    void aFallbackTopThatViolatesTheModelsIsNoSolution() {
        // At the top all three records form one class with values (flu, flu, cold): 2 < 1·1 fails recursive (1,2).
        AnonymizationResult result = Anonymizer.anonymize(table(0, 0, 1),
                policy(List.of(new RecursiveCLDiversity("disease", 1, 2)), Duration.ofNanos(1)));

        assertThat(result.hasSolution()).isFalse();
        assertThat(result.optimal()).isFalse();
        assertThat(result.message()).contains("no transformation satisfies");
    }

    @Test
    void aZeroBudgetEvaluatesOnlyTheTop() {
        SearchResult result = new HeuristicSearch(SearchProblem.of(table(0, 0, 0),
                policy(List.of(new KAnonymity(2)), Duration.ofSeconds(1))), Duration.ZERO).run();

        assertThat(result.transformationsChecked()).isEqualTo(1);
        assertThat(GeneralizationLattice.level(result.best().levels())).isEqualTo(DIMENSIONS);
    }
}

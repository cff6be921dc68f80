package org.uepdeid.anonymizer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The frequency table: merging entries, rolling classes up to coarser labels (from the base or from any finer
 * table, which must agree), and the packed and unpacked tuple indexes giving the same classes.
 */
class FrequencyTableTest {

    private static final FrequencyTable.SensitiveValues DISEASE =
            new FrequencyTable.SensitiveValues("disease", List.of("flu", "cold", "asthma"));

    @Test
    void builderMergesEqualTuplesAddingCountsAndHistograms() {
        FrequencyTable table = FrequencyTable.builder(2, DISEASE)
                .add(new int[] {0, 1}, 0, 1, 7)
                .add(new int[] {2, 1}, 1, 4, 3)
                .add(new int[] {0, 1}, 2, 2, 5)
                .build();

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.records()).isEqualTo(7);
        assertThat(rows(table)).containsExactlyInAnyOrder("[0, 1] n=3 first=5 hist=[1, 0, 2]",
                "[2, 1] n=4 first=3 hist=[0, 4, 0]");
        assertThat(table.sensitiveTotals()).containsExactly(1, 4, 2);
        assertThat(table.marginal(0, 3)).containsExactly(3, 0, 4);
    }

    @Test
    void builderRejectsCodesThatDoNotFit() {
        FrequencyTableBuilder builder = FrequencyTable.builder(2, DISEASE);

        assertThatThrownBy(() -> builder.add(new int[] {0}, 0, 1, 0)).hasMessageContaining("expected 2 codes");
        assertThatThrownBy(() -> builder.add(new int[] {0, 0}, 3, 1, 0)).hasMessageContaining("outside the dictionary");
        assertThatThrownBy(() -> builder.add(new int[] {0, 0}, 0, 0, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void rollUpGroupsUnderTheMappedLabels() {
        // Dimension 0: values 0,1 → label 0, value 2 → label 1; dimension 1 kept.
        FrequencyTable base = FrequencyTable.builder(2, DISEASE)
                .add(new int[] {0, 0}, 0, 2, 4)
                .add(new int[] {1, 0}, 1, 1, 2)
                .add(new int[] {2, 0}, 2, 5, 0)
                .add(new int[] {1, 1}, 0, 1, 9)
                .build();

        FrequencyTable up = base.rollUp(new int[][] {{0, 0, 1}, null}, new int[] {2, 2});

        assertThat(rows(up)).containsExactlyInAnyOrder("[0, 0] n=3 first=2 hist=[2, 1, 0]",
                "[1, 0] n=5 first=0 hist=[0, 0, 5]", "[0, 1] n=1 first=9 hist=[1, 0, 0]");
        assertThat(up.records()).isEqualTo(base.records());
    }

    @Test
    void rollUpFromAFinerTableEqualsRollUpFromTheBase() {
        SplittableRandom random = new SplittableRandom(11);
        // Three levels per dimension: value v (0..11), v/3 (0..3), v/6 (0..1).
        FrequencyTableBuilder builder = FrequencyTable.builder(3, DISEASE);
        for (int r = 0; r < 500; r++) {
            builder.add(new int[] {random.nextInt(12), random.nextInt(12), random.nextInt(12)}, random.nextInt(3), 1, r);
        }
        FrequencyTable base = builder.build();
        int[] byThree = new int[12];
        int[] bySix = new int[12];
        int[] threeToSix = new int[4];
        for (int v = 0; v < 12; v++) {
            byThree[v] = v / 3;
            bySix[v] = v / 6;
        }
        for (int g = 0; g < 4; g++) {
            threeToSix[g] = g / 2;
        }

        FrequencyTable direct = base.rollUp(new int[][] {bySix, byThree, null}, new int[] {2, 4, 12});
        FrequencyTable finer = base.rollUp(new int[][] {byThree, byThree, null}, new int[] {4, 4, 12});
        FrequencyTable viaFiner = finer.rollUp(new int[][] {threeToSix, null, null}, new int[] {2, 4, 12});

        assertThat(rows(viaFiner)).containsExactlyInAnyOrderElementsOf(rows(direct));
        assertThat(direct.size()).isLessThan(finer.size());

        // One set of buffers across roll-ups of different bounds, as a search shares it: each result stands alone.
        RollUpBuffers shared = new RollUpBuffers();
        FrequencyTable sharedFiner = base.rollUp(new int[][] {byThree, byThree, null}, new int[] {4, 4, 12}, shared);
        FrequencyTable sharedVia = sharedFiner.rollUp(new int[][] {threeToSix, null, null}, new int[] {2, 4, 12},
                shared);
        FrequencyTable sharedBase = base.rollUp(new int[][] {null, null, null}, new int[] {12, 12, 12}, shared);
        assertThat(rows(sharedFiner)).containsExactlyInAnyOrderElementsOf(rows(finer));
        assertThat(rows(sharedVia)).containsExactlyInAnyOrderElementsOf(rows(direct));
        assertThat(rows(sharedBase)).containsExactlyInAnyOrderElementsOf(rows(base));
    }

    @Test
    void unpackedIndexForWideTuplesGivesTheSameClasses() {
        // Bounds of 2^30 per dimension need 90 bits: the index then compares int by int.
        FrequencyTable base = FrequencyTable.builder(3, null)
                .add(new int[] {5, 1 << 29, 7}, 0, 2, 0)
                .add(new int[] {6, 1 << 29, 7}, 0, 3, 1)
                .add(new int[] {5, 3, 7}, 0, 1, 2)
                .build();
        int[] halve = new int[7];
        for (int v = 0; v < halve.length; v++) {
            halve[v] = v / 2;
        }

        FrequencyTable wide = base.rollUp(new int[][] {halve, null, null}, new int[] {1 << 30, 1 << 30, 1 << 30});
        FrequencyTable packed = base.rollUp(new int[][] {halve, null, null}, new int[] {4, (1 << 29) + 1, 8});

        assertThat(rows(wide)).containsExactlyInAnyOrder("[2, 536870912, 7] n=2 first=0 hist=null",
                "[3, 536870912, 7] n=3 first=1 hist=null", "[2, 3, 7] n=1 first=2 hist=null");
        assertThat(rows(packed)).containsExactlyInAnyOrderElementsOf(rows(wide));
    }

    @Test
    void lookupFindsEachTupleAndNothingElse() {
        FrequencyTable table = FrequencyTable.builder(2, null)
                .add(new int[] {3, 4}, 0, 1, 0)
                .add(new int[] {4, 3}, 0, 1, 1)
                .build();
        FrequencyTable.ClassLookup lookup = table.lookup();

        int position = lookup.positionOf(new int[] {4, 3});
        assertThat(table.key(position, 0)).isEqualTo(4);
        assertThat(table.key(position, 1)).isEqualTo(3);
        assertThat(lookup.positionOf(new int[] {3, 3})).isEqualTo(-1);
    }

    @Test
    void footprintGrowsWithDistinctTuplesNotRecords() {
        FrequencyTable few = FrequencyTable.builder(2, null).add(new int[] {0, 0}, 0, 1_000_000, 0).build();
        FrequencyTableBuilder many = FrequencyTable.builder(2, null);
        for (int t = 0; t < 1000; t++) {
            many.add(new int[] {t, 0}, 0, 1, t);
        }

        assertThat(few.footprintBytes()).isLessThan(200);
        assertThat(many.build().footprintBytes()).isGreaterThan(few.footprintBytes() * 100);
    }

    private static List<String> rows(FrequencyTable table) {
        List<String> rows = new ArrayList<>();
        int m = table.sensitive() == null ? 0 : table.sensitive().size();
        for (int t = 0; t < table.size(); t++) {
            int[] key = new int[table.dimensions()];
            for (int j = 0; j < key.length; j++) {
                key[j] = table.key(t, j);
            }
            String hist = m == 0 ? "null" : Arrays.toString(Arrays.copyOfRange(table.histograms(), t * m, t * m + m));
            rows.add(Arrays.toString(key) + " n=" + table.count(t) + " first=" + table.firstRow(t) + " hist=" + hist);
        }
        return rows;
    }
}

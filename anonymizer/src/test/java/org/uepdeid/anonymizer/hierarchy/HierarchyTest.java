package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    private static final List<List<String>> AGES = List.of(
            List.of("21", "20-24", "20-29", "*"),
            List.of("23", "20-24", "20-29", "*"),
            List.of("27", "25-29", "20-29", "*"),
            List.of("34", "30-34", "30-39", "*"));

    @Test
    void encodesLabelsPerLevelInFirstSeenOrder() {
        Hierarchy h = Hierarchy.of("age", AGES, "test");

        assertThat(h.height()).isEqualTo(3);
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.baseValues()).containsExactly("21", "23", "27", "34");
        assertThat(h.rowOf("27")).isEqualTo(2);
        assertThat(h.rowOf("99")).isEqualTo(-1);
        assertThat(h.labelCount(1)).isEqualTo(3);
        assertThat(h.label(1, h.labelOf(2, 1))).isEqualTo("25-29");
        assertThat(h.rowsWithLabel(2, h.labelOf(0, 2))).isEqualTo(3);
        assertThat(h.value(3, 2)).isEqualTo("30-39");
    }

    @Test
    void parentLabelRollsEveryLabelUpToItsCoarserLabel() {
        Hierarchy h = Hierarchy.of("age", AGES, "test");

        int[] parent = h.parentLabel(1, 2);

        assertThat(parent).hasSize(3);
        for (int row = 0; row < h.size(); row++) {
            assertThat(parent[h.labelOf(row, 1)]).isEqualTo(h.labelOf(row, 2));
        }
        assertThat(h.parentLabel(0, 3)).containsOnly(0);
    }

    @Test
    void raggedRowIsRejectedNamingValueAttributeAndSource() {
        List<List<String>> rows = List.of(List.of("21", "20-24", "*"), List.of("23", "20-24"));

        assertThatThrownBy(() -> Hierarchy.of("age", rows, "ages.csv"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", "ages.csv", "row 2", "'23'", "1 levels", "row 1 has 2");
    }

    @Test
    void emptyRowIsRejectedNamingTheRow() {
        List<List<String>> rows = List.of(List.of("21", "*"), List.of());

        assertThatThrownBy(() -> Hierarchy.of("age", rows, "ages.csv"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", "ages.csv", "row 2 is empty");
    }

    @Test
    void nullCellIsRejectedNamingRowAndLevel() {
        List<List<String>> rows = List.of(List.of("21", "*"), Arrays.asList("23", null));

        assertThatThrownBy(() -> Hierarchy.of("age", rows, "builder"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", "builder", "row 2", "level 1");
    }

    @Test
    void duplicateValueIsRejectedNamingValueAndBothRows() {
        List<List<String>> rows = List.of(List.of("21", "*"), List.of("23", "*"), List.of("21", "*"));

        assertThatThrownBy(() -> Hierarchy.of("age", rows, "ages.csv"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", "ages.csv", "'21'", "rows 1 and 3");
    }

    @Test
    void labelWithTwoParentsIsRejectedNamingLabelLevelAndParents() {
        List<List<String>> rows = List.of(
                List.of("i5-8250U", "Core i5", "Intel", "*"),
                List.of("i5-1135G7", "Core i5", "AMD", "*"));

        assertThatThrownBy(() -> Hierarchy.of("cpu_model", rows, "cpu.csv"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'cpu_model'", "cpu.csv", "'Core i5'", "level 1", "'Intel'", "'AMD'");
    }

    @Test
    void noRowsOrNoAttributeIsRejected() {
        assertThatThrownBy(() -> Hierarchy.of("age", List.of(), "ages.csv"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", "ages.csv", "no rows");
        assertThatThrownBy(() -> Hierarchy.of(" ", AGES, "ages.csv"))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("ages.csv", "no attribute name");
    }
}

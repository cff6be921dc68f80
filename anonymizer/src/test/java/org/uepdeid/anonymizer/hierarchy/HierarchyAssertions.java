package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Reads a hierarchy back row by row, independently of the checks in {@link Hierarchy#of}. */
final class HierarchyAssertions {

    private HierarchyAssertions() {
    }

    /** The labels of {@code value} at levels 1..height. */
    static List<String> labelsOf(Hierarchy hierarchy, String value) {
        int row = hierarchy.rowOf(value);
        assertThat(row).as("row of '%s' in %s", value, hierarchy).isNotNegative();
        List<String> labels = new ArrayList<>();
        for (int level = 1; level <= hierarchy.height(); level++) {
            labels.add(hierarchy.value(row, level));
        }
        return labels;
    }

    /**
     * Asserts one row per distinct domain value, the value itself at level 0, {@code *} at the top, and one parent per
     * label at every level, both as text and as the engine's label ids.
     */
    static void assertWellFormed(Hierarchy hierarchy, Collection<String> domain) {
        assertThat(new HashSet<>(hierarchy.baseValues())).isEqualTo(new HashSet<>(domain));
        int height = hierarchy.height();
        for (int row = 0; row < hierarchy.size(); row++) {
            assertThat(hierarchy.value(row, height)).isEqualTo("*");
        }
        for (int level = 0; level < height; level++) {
            Map<String, String> parentOf = new HashMap<>();
            int[] parentId = hierarchy.parentLabel(level, level + 1);
            for (int row = 0; row < hierarchy.size(); row++) {
                String label = hierarchy.value(row, level);
                String parent = hierarchy.value(row, level + 1);
                assertThat(parentOf.putIfAbsent(label, parent)).as("parent of '%s' at level %d", label, level)
                        .isIn(null, parent);
                assertThat(parentId[hierarchy.labelOf(row, level)]).isEqualTo(hierarchy.labelOf(row, level + 1));
            }
        }
    }
}

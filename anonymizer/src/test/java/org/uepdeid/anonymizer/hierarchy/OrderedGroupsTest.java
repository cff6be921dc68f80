package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.labelsOf;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups.Group;

class OrderedGroupsTest {

    private static final List<Group> FAMILIES = List.of(
            new Group("Core i5", List.of("i5-8250U", "i5-1135G7")),
            new Group("Core i7", List.of("i7-8550U")),
            new Group("Ryzen 5", List.of("Ryzen 5 3500U")));
    private static final List<Group> VENDORS = List.of(
            new Group("Intel", List.of("Core i5", "Core i7")),
            new Group("AMD", List.of("Ryzen 5")));
    private static final OrderedGroups CPUS = new OrderedGroups(List.of(FAMILIES, VENDORS), null);

    @Test
    void modelsGoToFamilyThenVendor() {
        Hierarchy h = CPUS.build("cpu_model", List.of("Ryzen 5 3500U", "i5-1135G7", "i7-8550U"));

        assertThat(h.height()).isEqualTo(3);
        assertThat(labelsOf(h, "i5-1135G7")).containsExactly("Core i5", "Intel", "*");
        assertThat(labelsOf(h, "i7-8550U")).containsExactly("Core i7", "Intel", "*");
        assertThat(labelsOf(h, "Ryzen 5 3500U")).containsExactly("Ryzen 5", "AMD", "*");
    }

    @Test
    void rowsFollowTheOrderTheGroupsListTheirMembers() {
        Hierarchy h = CPUS.build("cpu_model", List.of("Ryzen 5 3500U", "i7-8550U", "i5-1135G7", "i5-8250U"));

        assertThat(h.baseValues()).containsExactly("i5-8250U", "i5-1135G7", "i7-8550U", "Ryzen 5 3500U");
    }

    @Test
    void unlistedValueIsRejectedNamingValueAttributeAndSpec() {
        assertThatThrownBy(() -> CPUS.build("cpu_model", List.of("i5-8250U", "M1", "Xeon E5")))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'cpu_model'", "groups(2 levels)", "value 'M1' is in no level-1 group",
                        "(and 1 more values)");
    }

    @Test
    void otherLabelTakesUnlistedValuesAndKeepsItsNameUpward() {
        OrderedGroups withOther = new OrderedGroups(List.of(FAMILIES, VENDORS), "Other");

        Hierarchy h = withOther.build("cpu_model", List.of("M1", "i5-8250U", "Apple A14"));

        assertThat(labelsOf(h, "M1")).containsExactly("Other", "Other", "*");
        assertThat(h.baseValues()).containsExactly("i5-8250U", "Apple A14", "M1");
    }

    @Test
    void otherLabelCanBeGroupedAtAHigherLevel() {
        List<Group> vendors = List.of(new Group("Intel", List.of("Core i5", "Core i7")),
                new Group("AMD or other", List.of("Ryzen 5", "Other")));
        OrderedGroups withOther = new OrderedGroups(List.of(FAMILIES, vendors), "Other");

        Hierarchy h = withOther.build("cpu_model", List.of("M1", "Ryzen 5 3500U"));

        assertThat(labelsOf(h, "M1")).containsExactly("Other", "AMD or other", "*");
        assertThat(labelsOf(h, "Ryzen 5 3500U")).containsExactly("Ryzen 5", "AMD or other", "*");
    }

    @Test
    void memberInTwoGroupsOfALevelIsRejected() {
        List<Group> level = List.of(new Group("A", List.of("x", "y")), new Group("B", List.of("y")));

        assertThatThrownBy(() -> new OrderedGroups(List.of(level), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("levels: 'y' is in two groups at level 1: 'A' and 'B'");
    }

    @Test
    void levelsMustLinkUp() {
        List<Group> typo = List.of(new Group("Intel", List.of("Core i5", "Core i7", "Core i9")),
                new Group("AMD", List.of("Ryzen 5")));
        List<Group> missing = List.of(new Group("Intel", List.of("Core i5")), new Group("AMD", List.of("Ryzen 5")));

        assertThatThrownBy(() -> new OrderedGroups(List.of(FAMILIES, typo), null))
                .hasMessageContaining("levels: level 2 lists 'Core i9', which is no group at level 1");
        assertThatThrownBy(() -> new OrderedGroups(List.of(FAMILIES, missing), null))
                .hasMessageContaining("levels: group 'Core i7' of level 1 is in no group at level 2");
    }

    @Test
    void constructorRejectsEmptyOrRepeatedGroups() {
        assertThatThrownBy(() -> new OrderedGroups(List.of(), null))
                .hasMessageContaining("levels must list at least one level of groups");
        assertThatThrownBy(() -> new OrderedGroups(List.of(FAMILIES, List.of()), null))
                .hasMessageContaining("levels: level 2 has no groups");
        assertThatThrownBy(() -> new OrderedGroups(List.of(List.of(new Group("A", List.of("x")),
                new Group("A", List.of("y")))), null))
                .hasMessageContaining("group 'A' appears twice at level 1");
        List<Group> withNull = Arrays.asList(VENDORS.get(0), null);
        assertThatThrownBy(() -> new OrderedGroups(List.of(FAMILIES, withNull), null))
                .hasMessageContaining("levels: level 2 has a null group");
        assertThatThrownBy(() -> new OrderedGroups(List.of(FAMILIES), " "))
                .hasMessageContaining("other must not be blank");
        assertThatThrownBy(() -> new Group(" ", List.of("x")))
                .hasMessageContaining("label must not be blank");
        assertThatThrownBy(() -> new Group("A", List.of()))
                .hasMessageContaining("members of 'A' must not be empty");
    }

    @Test
    void knownLabelsAreTheGroupsUnlessOtherValuesMayCome() {
        assertThat(CPUS.knownLabels("cpu_model", 0)).get().asList()
                .containsExactly("i5-8250U", "i5-1135G7", "i7-8550U", "Ryzen 5 3500U");
        assertThat(CPUS.knownLabels("cpu_model", 1)).get().asList().containsExactly("Core i5", "Core i7", "Ryzen 5");
        assertThat(CPUS.knownLabels("cpu_model", 2)).get().asList().containsExactly("Intel", "AMD");
        assertThat(new OrderedGroups(List.of(FAMILIES), "Other").knownLabels("cpu_model", 1)).isEmpty();
    }

}

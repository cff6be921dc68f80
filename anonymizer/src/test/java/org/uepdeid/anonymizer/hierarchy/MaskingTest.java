package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.uepdeid.anonymizer.hierarchy.HierarchyAssertions.labelsOf;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Masking;

class MaskingTest {

    @Test
    void ipAddressLosesOneOctetPerLevel() {
        Hierarchy h = new Masking('.', 3).build("ip_prefix", List.of("10.3.22.7"));

        assertThat(labelsOf(h, "10.3.22.7")).containsExactly("10.3.22.*", "10.3.*", "10.*", "*");
    }

    @Test
    void versionLosesBuildThenMinor() {
        Hierarchy h = new Masking('.', 2).build("os_version", List.of("23.0.1021"));

        assertThat(labelsOf(h, "23.0.1021")).containsExactly("23.0.*", "23.*", "*");
    }

    @Test
    void languageTagWithEmptyMaskKeepsTheBareLanguage() {
        Hierarchy h = new Masking('_', 1, "").build("language", List.of("zh_CN", "zh", "en_US"));

        assertThat(labelsOf(h, "zh_CN")).containsExactly("zh", "*");
        assertThat(labelsOf(h, "zh")).containsExactly("zh", "*");
        assertThat(labelsOf(h, "en_US")).containsExactly("en", "*");
    }

    @Test
    void shorterValuesShareTheLabelsOfLongerOnesWithTheSamePrefix() {
        Hierarchy h = new Masking('.', 2).build("os_version", List.of("23.0.1021", "23.0", "23", "23.1.5.9"));

        assertThat(h.height()).isEqualTo(3);
        assertThat(labelsOf(h, "23.0")).containsExactly("23.0.*", "23.*", "*");
        assertThat(labelsOf(h, "23")).containsExactly("23.*", "23.*", "*");
        assertThat(labelsOf(h, "23.1.5.9")).containsExactly("23.1.*", "23.*", "*");
        assertThat(h.labelCount(1)).isEqualTo(3);
        assertThat(h.labelCount(2)).isEqualTo(1);
    }

    @Test
    void rowsAreOrderedComponentByComponentWithNumbersByValue() {
        Hierarchy h = new Masking('.', 1).build("v", List.of("23.0", "9.0", "10.3.22.7", "10.3.9.1", "beta.1", "9"));

        assertThat(h.baseValues()).containsExactly("9", "9.0", "10.3.9.1", "10.3.22.7", "23.0", "beta.1");
    }

    @Test
    void constructorRejectsNoLevelsAndNoMask() {
        assertThatThrownBy(() -> new Masking('.', 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("levels must be at least 1, got 0");
        assertThatThrownBy(() -> new Masking('.', 2, null))
                .hasMessageContaining("mask is required");
    }

    @Test
    void nullInTheDomainIsRejectedNamingAttributeAndSpec() {
        List<String> domain = Arrays.asList("10.0.0.1", null);

        assertThatThrownBy(() -> new Masking('.', 3).build("ip_prefix", domain))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'ip_prefix'", "masking(separator '.', 3 levels, mask '*')", "null");
    }

    @Test
    void maskingLabelsFollowTheDataSoNoDomainIsKnown() {
        assertThat(new Masking('.', 2).knownLabels("os_version", 1)).isEmpty();
    }

}

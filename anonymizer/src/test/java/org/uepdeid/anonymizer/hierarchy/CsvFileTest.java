package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.CsvFile;

class CsvFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsEveryRowOfTheFileWhenTheDomainIsCovered() throws IOException {
        Path file = Files.writeString(dir.resolve("sex.csv"), "Male;*\r\nFemale;*\r\nOther;*");

        Hierarchy h = new CsvFile(file).build("sex", List.of("Female", "Male", "Female"));

        // The whole file, not just the domain: its size is ARX's domain size for the Loss metric.
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.height()).isEqualTo(1);
    }

    @Test
    void readsTheConfiguredSeparator() throws IOException {
        Path file = Files.writeString(dir.resolve("lang.csv"), "zh_CN,zh,*\n");

        Hierarchy h = new CsvFile(file, ',').build("language", List.of("zh_CN"));

        assertThat(h.value(h.rowOf("zh_CN"), 1)).isEqualTo("zh");
    }

    @Test
    void domainValueMissingFromTheFileIsRejectedNamingValueAttributeAndFile() throws IOException {
        Path file = Files.writeString(dir.resolve("age.csv"), "21;20-29;*\n23;20-29;*\n");

        assertThatThrownBy(() -> new CsvFile(file).build("age", List.of("23", "99", "101", "21")))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", file.toString(), "value '101' is in the data but not in the file",
                        "(and 1 more values)");
    }

    @Test
    void constructorRejectsNoFileAndALineBreakSeparator() {
        assertThatThrownBy(() -> new CsvFile(null, ';'))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file is required");
        assertThatThrownBy(() -> new CsvFile(dir.resolve("x.csv"), '\n'))
                .hasMessageContaining("separator must not be a line break");
    }

    @Test
    void knownLabelsAreTheWholeFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("region.csv"), "Beijing;North;*\nHebei;North;*\nHunan;South;*\n");
        CsvFile spec = new CsvFile(file);

        assertThat(spec.knownLabels("region", 0)).get().asList().containsExactly("Beijing", "Hebei", "Hunan");
        assertThat(spec.knownLabels("region", 1)).get().asList().containsExactly("North", "South");
        assertThat(spec.knownLabels("region", 2)).get().asList().containsExactly("*");
        assertThatThrownBy(() -> spec.knownLabels("region", 3)).isInstanceOf(HierarchyException.class)
                .hasMessageContaining("region").hasMessageContaining("has no level 3; its levels are 0..2");
    }

}

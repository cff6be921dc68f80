package org.uepdeid.anonymizer.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyCsvTest {

    private static final Path ADULT_AGE = Path.of("/work/shared/datasets/adult/adult_hierarchy_age.csv");

    @TempDir
    Path dir;

    @Test
    void readsCrlfLinesWithoutTrailingNewline() throws IOException {
        Path file = write("memory.csv", "4096;<=8192;*\r\n8192;<=8192;*\r\n16384;>8192;*");

        Hierarchy h = HierarchyCsv.read("memory_mb", file);

        assertThat(h.height()).isEqualTo(2);
        assertThat(h.baseValues()).containsExactly("4096", "8192", "16384");
        assertThat(h.value(2, 1)).isEqualTo(">8192");
        assertThat(h.value(2, 2)).isEqualTo("*");
        assertThat(h.source()).isEqualTo(file.toString());
    }

    @Test
    void skipsBlankLinesAndAByteOrderMark() throws IOException {
        Path file = write("lang.csv", "\uFEFFzh_CN;zh;*\n\nen_US;en;*\n\n");

        Hierarchy h = HierarchyCsv.read("language", file);

        assertThat(h.baseValues()).containsExactly("zh_CN", "en_US");
        assertThat(h.rowOf("zh_CN")).isZero();
    }

    @Test
    void readsACustomSeparatorAndKeepsEmptyCells() throws IOException {
        Path file = write("os.csv", "23.0.1021,23.0,*\n,unknown,*\n");

        Hierarchy h = HierarchyCsv.read("os_version", file, ',');

        assertThat(h.rowOf("")).isEqualTo(1);
        assertThat(h.value(1, 1)).isEqualTo("unknown");
    }

    @Test
    void raggedFileIsRejectedNamingFileAttributeAndValue() throws IOException {
        Path file = write("age.csv", "21;20-24;*\r\n23;20-24\r\n");

        assertThatThrownBy(() -> HierarchyCsv.read("age", file))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", file.toString(), "'23'");
    }

    @Test
    void missingFileIsRejectedNamingFileAndAttribute() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> HierarchyCsv.read("age", file))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'age'", "not found", file.toString());
    }

    @Test
    void nonUtf8FileIsAConfigurationErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'M', (byte) 0xFC, 'n', ';', '*', '\n'});

        assertThatThrownBy(() -> HierarchyCsv.read("city", file))
                .isInstanceOf(HierarchyException.class)
                .hasMessageContainingAll("'city'", "not UTF-8", file.toString());
    }

    @Test
    void readsArxAdultAgeHierarchy() {
        Assumptions.assumeTrue(Files.isRegularFile(ADULT_AGE),
                "skipped: ARX adult age hierarchy not found at " + ADULT_AGE);

        Hierarchy h = HierarchyCsv.read("age", ADULT_AGE);

        assertThat(h.height()).isEqualTo(4);
        assertThat(h.size()).isEqualTo(100);
        assertThat(h.labelCount(1)).isEqualTo(20);
        assertThat(h.labelCount(4)).isEqualTo(1);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}

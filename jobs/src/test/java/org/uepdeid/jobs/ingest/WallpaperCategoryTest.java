package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WallpaperCategoryTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", textBlock = """
            /usr/share/wallpapers/deepin/desktop.jpg,            builtin
            file:///usr/share/backgrounds/default.png,           builtin
            /home/zhangsan/Pictures/cat.jpg,                     custom
            /usr/share/wallpapers/../../home/zhangsan/cat.jpg,   custom
            /usr/share/wallpapers-evil/cat.jpg,                  custom
            null,                                                none
            '  ',                                                none
            """)
    void wallpaperPathsBecomeCategories(String path, String category) {
        assertThat(WallpaperCategory.of(path).code()).isEqualTo(category);
    }
}

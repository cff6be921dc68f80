package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WallpaperAndPersonalDataTest {

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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            13812345678,                  true
            tel:+86 13912345678 home,     true
            li.lei@example.com.cn,        true
            11010519491231002X,           true
            110105194912310021,           false
            238123456789,                 false
            Core i5-10210U,               false
            5.10.101-amd64-desktop,       false
            20.1070,                      false
            """)
    void recognizesPhoneNumbersEmailsAndCheckedIdNumbers(String text, boolean personal) {
        assertThat(PersonalDataDetector.containsPersonalData(text)).isEqualTo(personal);
    }
}

package org.uepdeid.jobs.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uepdeid.jobs.testing.PlantedPersonalData;

/** What the one catalogue finds in a value, disguised as the issue's probes were, and what it must leave alone. */
class PersonalDataCatalogueTest {

    @Test
    void findsEveryVariantOfTheIssue() {
        PlantedPersonalData.VARIANTS.forEach((variant, kind) ->
                assertThat(PersonalDataCatalogue.firstFoundIn("x " + variant + " y")).as(variant).contains(kind));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7                          | ipv4",
            "2001:db8:1234::5                     | ipv6",
            "fe80::1                              | ipv6",
            "2001:0db8:0000:0000:0000:ff00:0042:8329 | ipv6",
            "3c:52:82:aa:bb:cc                    | mac",
            "3C-52-82-AA-BB-CC                    | mac",
            "3c52.82aa.bbcc                       | mac",
            "zhangsan@example.com                 | email",
            "call 13812345678                     | mobile",
            "tel:+86 13912345678 home             | mobile",
            "11010519491231002X                   | resident_id",
    })
    void findsTheUsualShapes(String value, String kind) {
        assertThat(PersonalDataCatalogue.firstFoundIn(value)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.1070.11018", "20.*", "[8192, 16384)", "Core i5-10210U", "09:30:00", "std::string",
            "1.2.3.4.5", "138123456789", "zh_CN", "*", "a::", "11010519491231002Y", "1.20.300.4000",
            "5.10.101-amd64-desktop", "com.deepin.editor", "6.0.1", "13.812345678", "0.012345678901234568",
            "2026-11-27T09:30:00+08:00", "deadbeefcafe", "201070110181", "/home", "/usr/share/wallpapers/a.jpg",
            PersonalDataCatalogue.REDACTED})
    void leavesLabelsVersionsAndMeasuresAlone(String value) {
        assertThat(PersonalDataCatalogue.firstFoundIn(value)).isEmpty();
    }

    @Test
    void residentIdsNeedTheirCheckCharacter() {
        assertThat(ResidentIdCheck.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdCheck.isValid("11010519491231002x")).isTrue();
        assertThat(ResidentIdCheck.isValid("110105194912310021")).isFalse();
    }

    @Test
    void theEventsOwnNamesAreFoundWithoutCaseAndShortOnesAreNot() {
        assertThat(PersonalDataCatalogue.firstFoundIn("bin/ZhangSan-vpn", List.of("zhangsan", "zs-pc")))
                .contains(PersonalDataCatalogue.OWN_NAME);
        assertThat(PersonalDataCatalogue.firstFoundIn("theme-zs-pc", List.of("nobody", "zs-pc")))
                .contains(PersonalDataCatalogue.OWN_NAME);
        assertThat(PersonalDataCatalogue.firstFoundIn("dark", List.of("da"))).isEmpty();
    }
}

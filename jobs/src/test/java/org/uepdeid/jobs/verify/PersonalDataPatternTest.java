package org.uepdeid.jobs.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the personal data scan flags in a published value, and what it must leave alone. */
class PersonalDataPatternTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7                          | ipv4",
            "from 198.51.100.7 at noon            | ipv4",
            "2001:db8:1234::5                     | ipv6",
            "fe80::1                              | ipv6",
            "2001:0db8:0000:0000:0000:ff00:0042:8329 | ipv6",
            "3c:52:82:aa:bb:cc                    | mac",
            "3C-52-82-AA-BB-CC                    | mac",
            "3c52.82aa.bbcc                       | mac",
            "zhangsan@example.com                 | email",
            "call 13812345678                     | mobile",
            "11010519491231002X                   | resident_id",
    })
    void findsPersonalData(String value, String kind) {
        assertThat(PersonalDataPattern.firstFoundIn(value)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.1070.11018", "20.*", "[8192, 16384)", "Core i5", "09:30:00", "std::string",
            "1.2.3.4.5", "138123456789", "123456789012345678", "zh_CN", "*", "a::", "11010519491231002Y",
            "1.20.300.4000"})
    void leavesLabelsAndVersionsAlone(String value) {
        assertThat(PersonalDataPattern.firstFoundIn(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "110105194912310021"})
    void residentIdsNeedTheirCheckCharacter(String id) {
        boolean valid = id.endsWith("X");
        assertThat(PersonalDataPattern.RESIDENT_ID.foundIn(id)).isEqualTo(valid);
    }
}

package org.uepdeid.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uepdeid.jobs.pii.ResidentIdCheck;

/** The check character follows ISO 7064 MOD 11-2 as GB 11643-1999 prescribes. */
class ResidentIdNumberTest {

    @ParameterizedTest
    @CsvSource({
        "11010519491231002, X",   // the example in GB 11643-1999
        "44052418800101001, 4",   // the example most often quoted with it
    })
    void checkCharacterOfKnownNumbers(String first17, char expected) {
        assertThat(ResidentIdCheck.of(first17)).isEqualTo(expected);
    }

    @Test
    void builtNumbersAreValidAndOneChangedDigitIsNot() {
        String number = ResidentIdNumber.of("310115", LocalDate.of(1987, 6, 5), 42);
        assertThat(number).hasSize(18).startsWith("31011519870605042");
        assertThat(ResidentIdCheck.isValid(number)).isTrue();
        String changed = number.substring(0, 10) + ((number.charAt(10) - '0' + 1) % 10) + number.substring(11);
        assertThat(ResidentIdCheck.isValid(changed)).isFalse();
    }

    @Test
    void rejectsWhatIsNotSeventeenDigits() {
        assertThatThrownBy(() -> ResidentIdCheck.of("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17 digits");
    }
}

package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.uepdeid.jobs.pii.ResidentIdCheck;

/**
 * Mainland resident identity numbers (GB 11643-1999): a six-digit region code, the birth date, a three-digit
 * sequence and an ISO 7064 MOD 11-2 check character ({@code 0}-{@code 9} or {@code X}).
 */
final class ResidentIdNumber {

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private ResidentIdNumber() {
    }

    /** The full 18-character number for a region code, birth date and sequence (0-999). */
    static String of(String regionCode, LocalDate birthDate, int sequence) {
        if (!regionCode.matches("[1-9][0-9]{5}") || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("a resident ID needs a six-digit region code and a sequence 0-999, got "
                    + regionCode + " and " + sequence);
        }
        String first17 = regionCode + BIRTH_DATE.format(birthDate) + String.format("%03d", sequence);
        return first17 + ResidentIdCheck.of(first17);
    }

}

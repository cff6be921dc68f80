package org.uepdeid.jobs.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Mainland resident identity numbers (GB 11643-1999): a six-digit region code, the birth date, a three-digit
 * sequence and an ISO 7064 MOD 11-2 check character ({@code 0}-{@code 9} or {@code X}).
 */
final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
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
        return first17 + checkCharacter(first17);
    }

    /** The check character for the first 17 digits. */
    static char checkCharacter(String first17) {
        if (!first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("the check character needs 17 digits, got " + first17.length()
                    + " characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    static boolean isValid(String number) {
        return number.length() == 18 && number.substring(0, 17).matches("[0-9]{17}")
                && checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }
}

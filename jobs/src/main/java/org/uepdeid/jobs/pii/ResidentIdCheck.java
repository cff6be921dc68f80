package org.uepdeid.jobs.pii;

/**
 * The check character of an 18-digit mainland resident identity number (GB 11643-1999, ISO 7064 MOD 11-2): the one
 * computation the generator (to make valid numbers) and the catalogue (to find them) share.
 */
public final class ResidentIdCheck {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ResidentIdCheck() {
    }

    /** The check character ({@code 0}-{@code 9} or {@code X}) for the first 17 digits. */
    public static char of(String first17) {
        if (!first17.matches("[0-9]{17}")) {
            throw new IllegalArgumentException("the check character needs 17 digits, got " + first17.length()
                    + " characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** Whether {@code number} is 17 digits and its right check character ({@code x} taken as {@code X}). */
    public static boolean isValid(String number) {
        return number.length() == 18 && number.substring(0, 17).matches("[0-9]{17}")
                && of(number.substring(0, 17)) == Character.toUpperCase(number.charAt(17));
    }
}

package org.uepdeid.jobs.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes personal data that must never reach a staging text field (UEP-TELEMETRY.md, last section): mainland
 * mobile numbers, e-mail addresses and resident ID numbers.
 *
 * <p>Staging keeps only whitelisted fields, but a whitelisted text field (a board model, a theme name) can still carry
 * anything a client sends; such lines go to quarantine instead of silently losing the field. ID numbers must pass
 * their check digit (GB 11643), which keeps long numeric versions and model numbers from matching.
 */
final class PersonalDataDetector {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARACTERS = "10X98765432";

    private PersonalDataDetector() {
    }

    static boolean containsPersonalData(String text) {
        // One cheap pass decides which patterns can match at all: every text field of every event comes here, and
        // almost none holds 11 digits in a row or an '@'.
        int longestDigitRun = 0;
        int run = 0;
        boolean at = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            longestDigitRun = Math.max(longestDigitRun, run);
            at |= c == '@';
        }
        return (longestDigitRun >= 11 && MOBILE.matcher(text).find())
                || (at && EMAIL.matcher(text).find())
                || (longestDigitRun >= 17 && containsResidentId(text));
    }

    private static boolean containsResidentId(String text) {
        Matcher m = RESIDENT_ID.matcher(text);
        while (m.find()) {
            if (hasValidCheckCharacter(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasValidCheckCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < ID_WEIGHTS.length; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK_CHARACTERS.charAt(sum % 11);
    }
}

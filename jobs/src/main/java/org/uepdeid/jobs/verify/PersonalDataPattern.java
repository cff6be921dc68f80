package org.uepdeid.jobs.verify;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of personal data no published value may contain (UEP-TELEMETRY.md, last section), found anywhere inside
 * a value. Verify's own list, deliberately not shared with ingest's filter: a second, independent reading.
 *
 * <p>Each pattern is bounded so that it does not fire inside a longer run of the same characters (a 12-digit number
 * is not a mobile number, a five-part version is not an address). A four-part version such as {@code 1.2.3.4} is
 * still taken for an address: the scan errs towards blocking a release.
 */
enum PersonalDataPattern {

    IPV4("(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![0-9]|\\.[0-9])"),
    /**
     * Eight groups, or at least two around one {@code ::}. A clock time ({@code 09:30:00}) is not one, nor a name
     * with a scope separator ({@code std::string}); the loopback {@code ::1} is missed and describes no one.
     */
    IPV6("(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?"
            + ")(?![0-9A-Fa-f:])", match -> match.split(":+").length - (match.startsWith(":") ? 1 : 0) >= 2),
    MAC("(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f:-])"
            + "|(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])"),
    EMAIL("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
    /** Mainland mobile numbers: eleven digits, 1[3-9] first. */
    MOBILE("(?<![0-9])1[3-9][0-9]{9}(?![0-9])"),
    /** Resident ID numbers (GB 11643): 17 digits and a check character that must be right. */
    RESIDENT_ID("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])", PersonalDataPattern::hasValidCheckCharacter);

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARACTERS = "10X98765432";

    private final Pattern pattern;
    private final Predicate<String> confirms;

    PersonalDataPattern(String regex) {
        this(regex, match -> true);
    }

    PersonalDataPattern(String regex, Predicate<String> confirms) {
        this.pattern = Pattern.compile(regex);
        this.confirms = confirms;
    }

    /** The name reports use: {@code ipv4}, {@code resident_id}, ... */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether some part of {@code text} has this shape. */
    boolean foundIn(String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (confirms.test(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** The first kind of personal data found in {@code text}, or null: the scan's per-value verdict. */
    static String firstFoundIn(String text) {
        if (text == null) {
            return null;
        }
        for (PersonalDataPattern p : values()) {
            if (p.foundIn(text)) {
                return p.code();
            }
        }
        return null;
    }

    private static boolean hasValidCheckCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < ID_WEIGHTS.length; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK_CHARACTERS.charAt(sum % 11);
    }
}

package org.uepdeid.jobs.pii;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of personal data no published value may contain (UEP-TELEMETRY.md, last section; issue 8), each found
 * anywhere inside a value. Each is matched on {@link PersonalDataCatalogue#normalize normalized} text, the numbers
 * on its {@link PersonalDataCatalogue#joinDigits digit-joined} form, so {@code 138-1234-5678} is the mobile number
 * it writes.
 *
 * <p>Each pattern is bounded so that it does not fire inside a longer run of the same characters (a 12-digit number
 * is not a mobile number, a five-part version is not an address). A four-part version such as {@code 1.2.3.4} is
 * still taken for an address: the catalogue errs towards hiding a value.
 */
public enum PersonalDataKind {

    /** Dotted quads, leading zeros allowed ({@code 192.168.001.005}): each part at most 255. */
    IPV4(false, "(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9]|\\.[0-9])", PersonalDataKind::octetsInRange),
    /**
     * Eight groups, or at least two around one {@code ::}. A clock time ({@code 09:30:00}) is not one, nor a name
     * with a scope separator ({@code std::string}); the loopback {@code ::1} is missed and describes no one.
     */
    IPV6(false, "(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?"
            + ")(?![0-9A-Fa-f:])", match -> match.split(":+").length - (match.startsWith(":") ? 1 : 0) >= 2),
    /**
     * Six hex pairs joined by {@code :}, {@code -}, {@code .} or {@code _}, three dotted quads ({@code 001a.2b3c.4d5e}),
     * or twelve hex digits without separator holding both a digit and a letter (twelve decimal digits are a number).
     */
    MAC(false, "(?<![0-9A-Fa-f])[0-9A-Fa-f]{2}([:._-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f])"
            + "|(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])"
            + "|(?<![0-9A-Fa-f])[0-9A-Fa-f]{12}(?![0-9A-Fa-f])", PersonalDataKind::isMacShaped),
    EMAIL(false, "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", match -> true),
    /** Mainland mobile numbers, eleven digits with 1[3-9] first, with or without {@code +86}, {@code 0086}, {@code 86}. */
    MOBILE(true, "(?<![0-9])(?:\\+?86|0086)?1[3-9][0-9]{9}(?![0-9])", match -> true),
    /** Landlines: a trunk 0, a two- or three-digit area code, seven or eight digits ({@code 010-62345678}). */
    LANDLINE(true, "(?<![0-9+])0[1-9][0-9]{1,2}[0-9]{7,8}(?![0-9])", match -> true),
    /**
     * Resident ID numbers (GB 11643): 17 digits and a check character that must be right, letters after it or not;
     * and the old 15 digits (region, YYMMDD, sequence) with a real month and day.
     */
    RESIDENT_ID(true, "(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])"
            + "|(?<![0-9])[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9])",
            match -> match.length() == 15 || ResidentIdCheck.isValid(match)),
    /** Payment card numbers: 16 to 19 digits passing the Luhn check. */
    CARD(true, "(?<![0-9])[0-9]{16,19}(?![0-9])", PersonalDataKind::passesLuhn),
    /** A user's home folder: {@code /home/NAME}, {@code C:\Users\NAME} (any drive, either slash). */
    HOME_PATH(false, "(?i)(?:/home/|\\b[a-z]:[\\\\/]+users[\\\\/]+)[^\\\\/\\s]+", match -> true);

    private final boolean onJoinedDigits;
    private final Pattern pattern;
    private final Predicate<String> confirms;

    PersonalDataKind(boolean onJoinedDigits, String regex, Predicate<String> confirms) {
        this.onJoinedDigits = onJoinedDigits;
        this.pattern = Pattern.compile(regex);
        this.confirms = confirms;
    }

    /** The name reports and manifests use: {@code ipv4}, {@code resident_id}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether some part of the text, given normalized and digit-joined, has this shape. */
    boolean foundIn(String normalized, String joined) {
        Matcher m = pattern.matcher(onJoinedDigits ? joined : normalized);
        while (m.find()) {
            if (confirms.test(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static boolean octetsInRange(String quad) {
        for (String octet : quad.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMacShaped(String match) {
        return match.length() != 12 || match.chars().anyMatch(Character::isDigit)
                && match.chars().anyMatch(Character::isLetter);
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}

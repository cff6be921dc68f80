package org.uepdeid.jobs.pii;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one catalogue of personal data, used by ingest on every string value that can reach a published output and by
 * verify on every published string (issue 8): the text is normalized, then each {@link PersonalDataKind} is looked
 * for, and, where the event names them, its own user and host names.
 *
 * <p>Normalization undoes the usual disguises: NFKC turns full-width forms into ASCII ({@code ＠}, {@code １３８}),
 * and for the numbers, digit groups separated by spaces, dots or hyphens are joined ({@code 138 1234 5678}). A value
 * that is a single decimal number ({@code 13.812345678}, a measure) is not joined: it formats no phone number.
 */
public final class PersonalDataCatalogue {

    /** What a value holding personal data is replaced by; it matches no kind. */
    public static final String REDACTED = "<redacted>";
    /** The code of a match of the event's own user or host name. */
    public static final String OWN_NAME = "user_or_host_name";
    /** Names shorter than this would match inside ordinary words; they are left to the patterns. */
    static final int SHORTEST_NAME = 3;

    private static final Pattern SEPARATED_DIGITS = Pattern.compile("(?<=[0-9])[ .\\-]+(?=[0-9])");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+\\.[0-9]+(?:[Ee][+-]?[0-9]+)?");

    private PersonalDataCatalogue() {
    }

    /** NFKC: full-width letters, digits and signs as their ASCII forms. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** {@code normalized} with digit groups separated by spaces, dots or hyphens joined, unless it is one decimal. */
    static String joinDigits(String normalized) {
        return DECIMAL.matcher(normalized).matches() ? normalized
                : SEPARATED_DIGITS.matcher(normalized).replaceAll("");
    }

    /** The code of the first kind of personal data in {@code text}, if any: verify's per-value verdict. */
    public static Optional<String> firstFoundIn(String text) {
        return firstFoundIn(text, List.of());
    }

    /**
     * The code of the first kind of personal data in {@code text}, counting any of {@code names} (the event's own user
     * and host names, compared without case) as {@link #OWN_NAME}.
     */
    public static Optional<String> firstFoundIn(String text, Collection<String> names) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String normalized = normalize(text);
        String joined = joinDigits(normalized);
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            if (kind.foundIn(normalized, joined)) {
                return Optional.of(kind.code());
            }
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name != null && name.strip().length() >= SHORTEST_NAME
                    && lower.contains(normalize(name.strip()).toLowerCase(Locale.ROOT))) {
                return Optional.of(OWN_NAME);
            }
        }
        return Optional.empty();
    }
}

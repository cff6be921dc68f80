package org.uepdeid.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interval labels as people write them. The anonymizer's interval hierarchies label a value {@code [16, 256)},
 * {@code <1024} or {@code >=1048576}: exact, but not how anyone writes a disk size. For a column whose name states its
 * unit this gives {@code 16–256 GiB} (sizes in {@code _kb}, {@code _mb}, {@code _gb}, {@code _tb}, read as binary
 * units; the upper bound is exclusive, as sizes are written) and {@code 2020–2021} (a {@code year} column: whole
 * years, so the last one is written). Any other label, and every label of another column, stays as it is. Only what a
 * reader sees changes: the published label, and the report's data, keep the raw one.
 */
final class IntervalText {

    private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";
    private static final Pattern RANGE = Pattern.compile("\\[(" + NUMBER + "), (" + NUMBER + ")\\)");
    private static final Pattern BELOW = Pattern.compile("<(" + NUMBER + ")");
    private static final Pattern AT_LEAST = Pattern.compile(">=(" + NUMBER + ")");
    private static final Pattern YEAR_COLUMN = Pattern.compile("(?:.*_)?years?(?:_.*)?");
    private static final List<String> SIZE_SUFFIXES = List.of("_kb", "_mb", "_gb", "_tb");
    private static final List<String> BINARY_UNITS = List.of("KiB", "MiB", "GiB", "TiB", "PiB", "EiB");
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

    private IntervalText() {
    }

    /** The label of a value of {@code column} as a reader should see it; the label itself when it is no interval. */
    static String readable(String column, String label) {
        String name = column.toLowerCase(Locale.ROOT);
        for (int unit = 0; unit < SIZE_SUFFIXES.size(); unit++) {
            if (name.endsWith(SIZE_SUFFIXES.get(unit))) {
                return size(label, unit);
            }
        }
        return YEAR_COLUMN.matcher(name).matches() ? years(label) : label;
    }

    private static String size(String label, int unit) {
        Matcher range = RANGE.matcher(label);
        if (range.matches()) {
            BigDecimal low = new BigDecimal(range.group(1));
            BigDecimal high = new BigDecimal(range.group(2));
            if (low.signum() < 0 || high.compareTo(low) <= 0) {
                return label;
            }
            int highUnit = unitOf(high, unit);
            // 0 reads in the upper bound's unit, and so does a lower bound that only a larger unit would write.
            int lowUnit = low.signum() == 0 ? highUnit : Math.min(unitOf(low, unit), highUnit);
            return lowUnit == highUnit
                    ? number(low, unit, lowUnit) + "–" + number(high, unit, highUnit) + " " + BINARY_UNITS.get(highUnit)
                    : quantity(low, unit, lowUnit) + "–" + quantity(high, unit, highUnit);
        }
        Matcher below = BELOW.matcher(label);
        if (below.matches() && new BigDecimal(below.group(1)).signum() > 0) {
            BigDecimal bound = new BigDecimal(below.group(1));
            return "< " + quantity(bound, unit, unitOf(bound, unit));
        }
        Matcher atLeast = AT_LEAST.matcher(label);
        if (atLeast.matches() && new BigDecimal(atLeast.group(1)).signum() > 0) {
            BigDecimal bound = new BigDecimal(atLeast.group(1));
            return "≥ " + quantity(bound, unit, unitOf(bound, unit));
        }
        return label;
    }

    /**
     * The largest unit, from {@code unit} up, in which {@code value} is at least 1 and reads with at most two
     * decimals: 1024 MiB is 1 GiB, 1536 MiB 1.5 GiB, but 1000 MiB stays 1,000 MiB.
     */
    private static int unitOf(BigDecimal value, int unit) {
        int best = unit;
        BigDecimal scaled = value;
        for (int next = unit + 1; next < BINARY_UNITS.size(); next++) {
            scaled = scaled.divide(KIBI);
            if (scaled.compareTo(BigDecimal.ONE) < 0 || scaled.stripTrailingZeros().scale() > 2) {
                break;
            }
            best = next;
        }
        return best;
    }

    private static String quantity(BigDecimal value, int unit, int shownUnit) {
        return number(value, unit, shownUnit) + " " + BINARY_UNITS.get(shownUnit);
    }

    /** {@code value}, given in {@code unit}, written in {@code shownUnit}. */
    private static String number(BigDecimal value, int unit, int shownUnit) {
        BigDecimal scaled = value.divide(KIBI.pow(shownUnit - unit)).setScale(2, RoundingMode.HALF_EVEN);
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(scaled);
    }

    private static String years(String label) {
        Matcher range = RANGE.matcher(label);
        if (range.matches() && whole(range.group(1)) && whole(range.group(2))) {
            long first = Long.parseLong(range.group(1));
            long last = Long.parseLong(range.group(2)) - 1;
            if (last > first) {
                return first + "–" + last;
            }
            return last == first ? Long.toString(first) : label;
        }
        Matcher below = BELOW.matcher(label);
        if (below.matches() && whole(below.group(1))) {
            return "before " + below.group(1);
        }
        Matcher atLeast = AT_LEAST.matcher(label);
        if (atLeast.matches() && whole(atLeast.group(1))) {
            return atLeast.group(1) + " or later";
        }
        return label;
    }

    private static boolean whole(String number) {
        return number.indexOf('.') < 0;
    }
}

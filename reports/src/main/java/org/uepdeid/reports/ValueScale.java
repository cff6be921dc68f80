package org.uepdeid.reports;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How a chart's value axis reads: counts, shares of a whole (0 to 100 %), or hierarchy levels. */
enum ValueScale {
    COUNT("#,##0"),
    SHARE("0.##%"),
    LEVEL("0");

    private final String pattern;

    ValueScale(String pattern) {
        this.pattern = pattern;
    }

    /** The {@link DecimalFormat} pattern for tick and bar labels. */
    String pattern() {
        return pattern;
    }

    /** A value as its bar label shows it; locale-independent so reports read the same everywhere. */
    String format(double value) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}

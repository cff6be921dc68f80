package org.uepdeid.reports;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the report writes numbers: the same in every locale, grouped so that large counts read at a glance. */
final class Figures {

    private Figures() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share as a percentage with up to two decimals ({@code 0.0123} is {@code 1.23%}). */
    static String share(double value) {
        return ValueScale.SHARE.format(value);
    }

    /** A measure with up to four decimals, without an exponent. */
    static String decimal(double value) {
        return new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}

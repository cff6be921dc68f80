package org.uepdeid.jobs.aggregate;

import java.util.Locale;

/** Whether a cell of a product is published, and if not, why. */
enum CellStatus {
    PUBLISHED,
    /** Fewer than min_devices distinct devices. */
    BELOW_MIN_DEVICES,
    /** Publishable on its own, withheld so that a suppressed cell cannot be derived by subtraction. */
    COMPLEMENTARY;

    /** The value of the internal status column. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CellStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

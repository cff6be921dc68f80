package org.uepdeid.jobs.generate;

import java.util.Optional;

/**
 * The person behind a device: names and free-text fields that leak them, contact details planted in those
 * fields, and an age. The age, not the birth year, is the trait, so the share of minors is the same for any
 * generated year (a device's reported birth year therefore steps at New Year).
 */
record Owner(String username, String hostname, String wallpaper, boolean customWallpaper,
             Optional<String> email, Optional<String> mobile, Optional<String> residentId,
             int age, boolean reportsBirthYear) {

    /**
     * The oldest age, in years between birth year and the day's year, that ingest takes for a child: with
     * {@code children_up_to_age: 14} and only the birth year known, a difference of 15 may still be a 14-year-old.
     */
    static final int OLDEST_CHILD_YEARS = 15;

    boolean isMinor() {
        return reportsBirthYear && age <= OLDEST_CHILD_YEARS;
    }
}

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

    static final int MINOR_AGE_LIMIT = 14;

    boolean isMinor() {
        return reportsBirthYear && age < MINOR_AGE_LIMIT;
    }
}

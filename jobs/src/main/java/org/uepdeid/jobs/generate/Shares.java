package org.uepdeid.jobs.generate;

import java.io.Serializable;

/**
 * How often the generator departs from a plain consenting adult's event: shares of device-days with UEP
 * switched off, of events without the consent field, of devices reporting a birth year (besides minors), of
 * devices whose owner is under 14 (they all report a birth year), and of events uploaded twice.
 */
record Shares(double consentDisabled, double consentMissing, double birthYear, double minor, double duplicate)
        implements Serializable {

    static final Shares DEFAULT = new Shares(0.03, 0.01, 0.25, 0.02, 0.003);

    Shares {
        requireShare("consent_disabled_share", consentDisabled);
        requireShare("consent_missing_share", consentMissing);
        requireShare("birth_year_share", birthYear);
        requireShare("minor_share", minor);
        requireShare("duplicate_share", duplicate);
        if (birthYear + minor > 1) {
            throw new IllegalArgumentException("birth_year_share + minor_share must be at most 1, got "
                    + birthYear + " + " + minor);
        }
    }

    private static void requireShare(String key, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, got " + share);
        }
    }
}

package org.uepdeid.reports;

import java.util.List;

/**
 * What {@code verify} concluded about the release ({@code reports/dt=D/compliance.json}).
 *
 * @param release       the release verify checked
 * @param status        {@code passed} or {@code failed}, as verify wrote it
 * @param distributions the measured distributions, or {@code null} when verify wrote none
 */
public record Compliance(String release, String status, List<VerificationCheck> checks,
                         Distributions distributions) {

    public static final String PASSED = "passed";

    public Compliance {
        release = release == null ? "" : release;
        Require.text("verification status", status);
        checks = List.copyOf(checks);
    }

    /** Whether the release passed: only an explicit {@code passed} counts. */
    public boolean passed() {
        return PASSED.equals(status);
    }
}

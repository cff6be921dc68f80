package org.uepdeid.jobs.verify;

/**
 * A finished verification: the report and where it was written.
 *
 * @param report     every check's result
 * @param reportPath the written {@code compliance.json}, relative to the data root when under it
 */
public record Verification(ComplianceReport report, String reportPath) {

    public boolean passed() {
        return report.passed();
    }
}

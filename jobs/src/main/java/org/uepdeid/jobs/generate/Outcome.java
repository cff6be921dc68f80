package org.uepdeid.jobs.generate;

/**
 * What the pipeline should do with a generated line. Each line has exactly one outcome: defects, duplicates
 * and missing consent are only ever applied to lines that would otherwise be accepted, so the expected
 * accounting does not depend on the order in which ingest checks things. The one exception is a child's bad
 * line: ingest reads the child's birth year before any defect, so such a line is {@link #MINOR} whenever it reads
 * as JSON at all.
 */
enum Outcome {
    ACCEPTED("accepted"),
    CONSENT_DISABLED("no_consent.disabled"),
    CONSENT_MISSING("no_consent.missing"),
    /** Consent given under a privacy-policy version the pipeline does not accept. */
    CONSENT_OUTDATED("no_consent.outdated"),
    MINOR("minor"),
    DUPLICATE("duplicate"),
    BAD("bad");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}

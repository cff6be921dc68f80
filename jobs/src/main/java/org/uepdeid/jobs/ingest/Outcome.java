package org.uepdeid.jobs.ingest;

/** The one outcome every input line gets; the run manifest's accounting counts each. */
public enum Outcome {
    /** Valid, consented, adult, not erased, first of its event id: written to staging. */
    ACCEPTED("accepted"),
    /** Invalid input, written to quarantine with a {@link QuarantineReason}. */
    QUARANTINED("quarantined"),
    /** {@code uep_enabled} not {@code true}: counted only, kept nowhere (policy I.1.1: collection stops). */
    NO_CONSENT("no_consent"),
    /** The user is under the minimum age in the event's year: counted only, kept nowhere (policy Part VII). */
    MINOR("minor"),
    /** The device is in the erasure ledger: counted only, kept nowhere. */
    ERASED("erased"),
    /** A repeated event id: one copy is accepted, the others are counted only. */
    DUPLICATE("duplicate");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

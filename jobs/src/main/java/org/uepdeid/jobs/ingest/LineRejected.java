package org.uepdeid.jobs.ingest;

/**
 * Signals that a line fails a check: the reason and the JSON path of the field, never the field's value.
 *
 * <p>Thrown once per bad line from deep inside field readers, so it carries no stack trace: building one per line
 * would cost more than the parse.
 */
final class LineRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final QuarantineReason reason;
    private final String field;

    LineRejected(QuarantineReason reason, String field) {
        super(reason.code() + (field == null ? "" : " at " + field), null, false, false);
        this.reason = reason;
        this.field = field;
    }

    QuarantineReason reason() {
        return reason;
    }

    /** The JSON path of the offending field ({@code device.memory_mb}), or {@code null} for the whole line. */
    String field() {
        return field;
    }
}

package org.uepdeid.jobs.ingest;

import org.apache.spark.sql.Row;

/**
 * The classification of one input line by {@link TelemetryLineParser}.
 *
 * @param reason          why it was quarantined, else {@code null}
 * @param field           the offending field's JSON path for a quarantined line, else {@code null}
 * @param devicePseudonym set once the device id was read, so that erasure can still claim the line
 * @param eventId         the normalized event id of an accepted line (the de-duplication key)
 * @param event           the staging row of an accepted line ({@link StagingEvents#SCHEMA}), else {@code null}
 */
record ParsedLine(Outcome outcome, QuarantineReason reason, String field, String devicePseudonym, String eventId,
                  Row event) {

    static ParsedLine excluded(Outcome outcome) {
        return new ParsedLine(outcome, null, null, null, null, null);
    }

    static ParsedLine quarantined(QuarantineReason reason, String field, String devicePseudonym) {
        return new ParsedLine(Outcome.QUARANTINED, reason, field, devicePseudonym, null, null);
    }

    static ParsedLine accepted(String devicePseudonym, String eventId, Row event) {
        return new ParsedLine(Outcome.ACCEPTED, null, null, devicePseudonym, eventId, event);
    }
}

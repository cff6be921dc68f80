package org.uepdeid.jobs.ingest;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The classification of one input line by {@link TelemetryLineParser}.
 *
 * @param reason          why it was quarantined, else {@code null}
 * @param field           the offending field's JSON path for a quarantined line, else {@code null}
 * @param devicePseudonym set once the device id was read, so that erasure, a child's other lines and a revoked
 *                        consent can still claim the line
 * @param eventId         the normalized event id of an accepted line (the de-duplication key)
 * @param event           the staging row of an accepted line ({@link org.uepdeid.jobs.staging.StagingEvents#SCHEMA}), else {@code null}
 * @param childBirthYear  for a child's line, the birth year it stated (the event year when it stated no usable one)
 * @param eventTime       the line's {@code ts} when readable: a revocation applies to events after it
 * @param redacted        the fields of an accepted line whose value was redacted ({@link PublishableText})
 * @param copy            what quarantine keeps of a quarantined line ({@link QuarantineCopy}), else {@code null}
 */
record ParsedLine(Outcome outcome, QuarantineReason reason, String field, String devicePseudonym, String eventId,
                  Row event, Integer childBirthYear, Timestamp eventTime, List<String> redacted,
                  String copy) {

    ParsedLine {
        redacted = List.copyOf(redacted);
    }

    static ParsedLine excluded(Outcome outcome) {
        return new ParsedLine(outcome, null, null, null, null, null, null, null, List.of(), null);
    }

    static ParsedLine child(String devicePseudonym, int birthYear, Timestamp eventTime) {
        return new ParsedLine(Outcome.MINOR, null, null, devicePseudonym, null, null, birthYear, eventTime, List.of(),
                null);
    }

    static ParsedLine quarantined(QuarantineReason reason, String field, String devicePseudonym,
                                  Timestamp eventTime, String copy) {
        return new ParsedLine(Outcome.QUARANTINED, reason, field, devicePseudonym, null, null, null, eventTime,
                List.of(), copy);
    }

    static ParsedLine accepted(String devicePseudonym, String eventId, Row event, Timestamp eventTime,
                               List<String> redacted) {
        return new ParsedLine(Outcome.ACCEPTED, null, null, devicePseudonym, eventId, event, null, eventTime,
                redacted, null);
    }
}

package org.uepdeid.jobs.ingest;

/**
 * Why a line went to quarantine. Checks run in the order below and the first failure wins, so each line has one
 * reason; the quarantine row's {@code detail} names the offending field (never its value).
 */
public enum QuarantineReason {
    /** The line is longer than {@link TelemetryLineParser#MAX_LINE_BYTES} (1 MiB); it is not parsed. */
    LINE_TOO_LARGE("line_too_large"),
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8("invalid_utf8"),
    /** The line is empty or only white space. */
    EMPTY_LINE("empty_line"),
    /** The JSON ends before its value is complete (a cut-off upload). */
    TRUNCATED("truncated"),
    /** Not JSON: a syntax error, text after the value, or a key given twice (ambiguous, so never guessed). */
    BAD_JSON("bad_json"),
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT("not_an_object"),
    /** {@code device_id} is missing, null or blank. */
    MISSING_DEVICE_ID("missing_device_id"),
    /** {@code schema} is missing or not {@code uep.v1}. */
    UNKNOWN_SCHEMA("unknown_schema"),
    /** {@code event_type} is missing or not one of device_profile, app_session, login, download. */
    UNKNOWN_EVENT_TYPE("unknown_event_type"),
    /** {@code event_id} is missing or not a UUID. */
    BAD_EVENT_ID("bad_event_id"),
    /** A timestamp is missing or not ISO-8601 with an offset ({@code 2026-11-27T09:30:00+08:00}). */
    BAD_TIMESTAMP("bad_timestamp"),
    /** {@code ts}, read in its own offset, falls on another day than the partition's {@code dt}. */
    TIMESTAMP_OUTSIDE_DAY("timestamp_outside_day"),
    /** {@code ts} is later than the run's start plus a small clock-skew allowance. */
    TIMESTAMP_IN_FUTURE("timestamp_in_future"),
    /** An app session's exit is before its start, or more than 24 hours after it. */
    INVALID_DURATION("invalid_duration"),
    /** {@code ip} is missing or not an IPv4 / IPv6 literal. */
    BAD_IP("bad_ip"),
    /** A field has the wrong JSON type ({@code "memory_mb": "16G"}). */
    WRONG_TYPE("wrong_type"),
    /** A field the event type requires is absent ({@code app.start}, the {@code device} object, ...). */
    MISSING_FIELD("missing_field"),
    /** A field has the right type but an impossible value (negative memory, unknown download source, ...). */
    INVALID_VALUE("invalid_value"),
    /** The classifier itself failed on the line; {@code detail} names the exception type. A bug to report. */
    UNCLASSIFIABLE("unclassifiable");

    private final String code;

    QuarantineReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

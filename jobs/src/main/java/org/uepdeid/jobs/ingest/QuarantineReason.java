package org.uepdeid.jobs.ingest;

/**
 * Why a line went to quarantine. Checks run in the order below and the first failure wins, so each line has one
 * reason; the quarantine row's {@code detail} names the offending field (never its value).
 */
public enum QuarantineReason {
    /** The line is longer than {@link TelemetryLineParser#MAX_LINE_BYTES} (1 MiB); it is not parsed. */
    LINE_TOO_LARGE("line_too_large", "a line of at most 1 MiB"),
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8("invalid_utf8", "UTF-8 text"),
    /** The line is empty or only white space. */
    EMPTY_LINE("empty_line", "a JSON object"),
    /** The JSON ends before its value is complete (a cut-off upload). */
    TRUNCATED("truncated", "a complete JSON value"),
    /** Not JSON: a syntax error, text after the value, or a key given twice (ambiguous, so never guessed). */
    BAD_JSON("bad_json", "one JSON value with distinct keys"),
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT("not_an_object", "a JSON object"),
    /** {@code device_id} is missing, null or blank. */
    MISSING_DEVICE_ID("missing_device_id", "a non-blank device id"),
    /** {@code schema} is missing or not {@code uep.v1}. */
    UNKNOWN_SCHEMA("unknown_schema", "\"uep.v1\""),
    /** {@code event_type} is missing or not one of device_profile, app_session, login, download. */
    UNKNOWN_EVENT_TYPE("unknown_event_type", "device_profile, app_session, login or download"),
    /** {@code event_id} is missing or not a UUID. */
    BAD_EVENT_ID("bad_event_id", "a UUID"),
    /** A timestamp is missing or not ISO-8601 with an offset ({@code 2026-11-27T09:30:00+08:00}). */
    BAD_TIMESTAMP("bad_timestamp", "ISO-8601 with an offset"),
    /** {@code ts}, read in its own offset, falls on another day than the partition's {@code dt}. */
    TIMESTAMP_OUTSIDE_DAY("timestamp_outside_day", "a time on the partition's day, in its own offset"),
    /** {@code ts} is later than the run's start plus a small clock-skew allowance. */
    TIMESTAMP_IN_FUTURE("timestamp_in_future", "a time before the run started"),
    /** An app session's exit is before its start, or more than 24 hours after it. */
    INVALID_DURATION("invalid_duration", "an exit 0 to 24 hours after the start"),
    /** {@code ip} is missing or not an IPv4 / IPv6 literal. */
    BAD_IP("bad_ip", "an IPv4 or IPv6 literal"),
    /** A field has the wrong JSON type ({@code "memory_mb": "16G"}). */
    WRONG_TYPE("wrong_type", "the JSON type the schema gives"),
    /** A field the event type requires is absent ({@code app.start}, the {@code device} object, ...). */
    MISSING_FIELD("missing_field", "the field, which the event type requires"),
    /** A field has the right type but an impossible value (negative memory, unknown download source, ...). */
    INVALID_VALUE("invalid_value", "a value in the schema's range"),
    /** The classifier itself failed on the line; {@code detail} names the exception type. A bug to report. */
    UNCLASSIFIABLE("unclassifiable", "no failure of the classifier (a bug to report)");

    private final String code;
    private final String expected;

    QuarantineReason(String code, String expected) {
        this.code = code;
        this.expected = expected;
    }

    /**
     * The quarantine row's detail: the field's JSON path (or {@code line}) and what was expected there, never the
     * value found.
     */
    public String detail(String field) {
        return (field == null ? "line" : field) + ": expected " + expected;
    }

    public String code() {
        return code;
    }
}

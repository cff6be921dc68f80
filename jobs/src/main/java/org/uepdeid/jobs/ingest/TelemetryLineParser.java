package org.uepdeid.jobs.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ipregion.IpAddress;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import org.uepdeid.jobs.staging.EventType;
import org.uepdeid.jobs.staging.StagingEvents;

/**
 * Classifies one raw telemetry line: accepted (with its staging row), quarantined (with a reason), or excluded for
 * consent, age, erasure or duplication (decided later, in Spark, for the last two).
 *
 * <p>The order of the checks is a privacy decision: as soon as a line can be read at all, age and consent are
 * checked <em>before</em> any validation, so the data of children, or of people who did not consent, never lands
 * anywhere, not even in quarantine. A child's line keeps its device pseudonym (when the id is readable), so that
 * ingest can exclude the device's other lines of the day and record it in {@code ledger/children}. Then the device
 * id is pseudonymized, so that a later erasure check can still claim a line that fails validation. Not thread safe
 * (it holds an HMAC): one instance per task.
 */
final class TelemetryLineParser {

    /** Lines above 1 MiB are not parsed: no legitimate event comes near, and parsing them costs memory. */
    static final int MAX_LINE_BYTES = 1 << 20;
    static final String SCHEMA_VERSION = "uep.v1";
    /** Clients' clocks drift; a few minutes ahead is skew, not the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** No install id comes near this length; a longer one is junk, not an id to pseudonymize. */
    private static final int MAX_DEVICE_ID_LENGTH = 256;
    /** What survives of an IP besides its region: the usual anonymizing cuts, /24 for IPv4 and /48 for IPv6. */
    private static final int IPV4_KEPT_BITS = 24;
    private static final int IPV6_KEPT_BITS = 48;

    private final JsonMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Strict: invalid UTF-8 is a reason to quarantine, not something to replace silently. */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final DevicePseudonymizer pseudonymizer;
    private final IpRegionTable regions;
    private final LocalDate date;
    private final Instant latestAllowed;
    private final IngestRules rules;

    /**
     * @param date     the partition's day: an event's {@code ts}, in its own offset, must fall on it
     * @param runStart when the run started: later timestamps (beyond {@link #CLOCK_SKEW}) are in the future
     * @param rules    who is a child, which consent counts
     */
    TelemetryLineParser(PseudonymKey key, IpRegionTable regions, LocalDate date, Instant runStart, IngestRules rules) {
        this.pseudonymizer = new DevicePseudonymizer(key);
        this.regions = regions;
        this.date = date;
        this.latestAllowed = runStart.plus(CLOCK_SKEW);
        this.rules = rules;
    }

    ParsedLine classify(byte[] line) {
        if (line.length > MAX_LINE_BYTES) {
            return ParsedLine.quarantined(QuarantineReason.LINE_TOO_LARGE, null, null, null,
                    QuarantineCopy.ofText(line));
        }
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return ParsedLine.quarantined(QuarantineReason.INVALID_UTF8, null, null, null,
                    QuarantineCopy.ofText(line));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return ParsedLine.quarantined(QuarantineReason.EMPTY_LINE, null, null, null,
                    QuarantineCopy.ofText(line));
        }
        JsonNode root;
        try {
            root = parse(text);
        } catch (LineRejected rejected) {
            return ParsedLine.quarantined(rejected.reason(), rejected.field(), null, null,
                    QuarantineCopy.ofText(line));
        }
        return classify(root);
    }

    private JsonNode parse(String text) {
        try (JsonParser parser = json.createParser(text)) {
            JsonNode root = json.readTree(parser);
            if (parser.nextToken() != null) {
                throw new LineRejected(QuarantineReason.BAD_JSON, null);
            }
            if (root == null || !root.isObject()) {
                throw new LineRejected(QuarantineReason.NOT_AN_OBJECT, null);
            }
            return root;
        } catch (JsonEOFException e) {
            throw new LineRejected(QuarantineReason.TRUNCATED, null);
        } catch (IOException e) {
            throw new LineRejected(QuarantineReason.BAD_JSON, null);
        }
    }

    private ParsedLine classify(JsonNode root) {
        OffsetDateTime ts = readableTs(root);
        Timestamp time = ts == null ? null : Timestamp.from(ts.toInstant());
        int eventYear = ts == null ? date.getYear() : ts.getYear();
        String pseudonym = readableDeviceId(root) ? pseudonymizer.pseudonym(root.get("device_id").asText()) : null;
        Integer childBirthYear = childBirthYear(root, eventYear);
        if (childBirthYear != null) {
            return ParsedLine.child(pseudonym, childBirthYear, time);
        }
        // Only a literal true is consent: "true", 1, null or absence are not.
        JsonNode enabled = root.get("uep_enabled");
        if (enabled == null || !enabled.isBoolean() || !enabled.booleanValue()) {
            return ParsedLine.excluded(Outcome.NO_CONSENT);
        }
        JsonNode version = FieldReader.present(root, "consent_version");
        if (!rules.consent().accepts(version == null || !version.isTextual() ? null : version.asText())) {
            return ParsedLine.excluded(Outcome.NO_CONSENT);
        }
        JsonNode deviceId = FieldReader.present(root, "device_id");
        if (deviceId == null || deviceId.isTextual() && deviceId.asText().isBlank()) {
            return ParsedLine.quarantined(QuarantineReason.MISSING_DEVICE_ID, "device_id", null, time,
                    QuarantineCopy.of(root));
        }
        if (pseudonym == null) {
            return ParsedLine.quarantined(deviceId.isTextual() ? QuarantineReason.INVALID_VALUE
                    : QuarantineReason.WRONG_TYPE, "device_id", null, time, QuarantineCopy.of(root));
        }
        try {
            return validated(root, pseudonym);
        } catch (LineRejected rejected) {
            return ParsedLine.quarantined(rejected.reason(), rejected.field(), pseudonym, time,
                    QuarantineCopy.of(root));
        }
    }

    private static boolean readableDeviceId(JsonNode root) {
        JsonNode id = FieldReader.present(root, "device_id");
        return id != null && id.isTextual() && !id.asText().isBlank() && id.asText().length() <= MAX_DEVICE_ID_LENGTH;
    }

    /** {@code ts} when it can be read at all (on any day), else null. */
    private static OffsetDateTime readableTs(JsonNode root) {
        JsonNode ts = FieldReader.present(root, "ts");
        if (ts == null) {
            return null;
        }
        try {
            return FieldReader.offsetDateTime(ts, "ts");
        } catch (LineRejected unreadable) {
            return null;
        }
    }

    /**
     * The stated birth year if the user may be a child in the event's year (the year of {@code ts}, the partition's
     * when {@code ts} is unreadable, so that a bad timestamp cannot hide a child), else null. A {@code birth_year}
     * that is present but not a whole number in 1900..event year says nothing of the age, so the user may be a child
     * too: the line is taken as one born in the event year, the youngest possible.
     */
    private Integer childBirthYear(JsonNode root, int eventYear) {
        JsonNode birthYear = FieldReader.present(root, "birth_year");
        if (birthYear == null) {
            return null;
        }
        if (!birthYear.isIntegralNumber() || !birthYear.canConvertToInt()
                || birthYear.intValue() < IngestRules.EARLIEST_BIRTH_YEAR || birthYear.intValue() > eventYear) {
            return eventYear;
        }
        return rules.mayBeChild(birthYear.intValue(), eventYear) ? birthYear.intValue() : null;
    }

    private ParsedLine validated(JsonNode root, String pseudonym) {
        List<String> redacted = PublishableText.redact((ObjectNode) root);
        JsonNode schema = FieldReader.present(root, "schema");
        if (schema == null || !schema.isTextual() || !SCHEMA_VERSION.equals(schema.asText())) {
            throw new LineRejected(QuarantineReason.UNKNOWN_SCHEMA, "schema");
        }
        JsonNode typeNode = FieldReader.present(root, "event_type");
        EventType type = (typeNode == null || !typeNode.isTextual() ? null
                : EventType.of(typeNode.asText()).orElse(null));
        if (type == null) {
            throw new LineRejected(QuarantineReason.UNKNOWN_EVENT_TYPE, "event_type");
        }
        JsonNode eventIdNode = FieldReader.present(root, "event_id");
        if (eventIdNode == null || !eventIdNode.isTextual() || !UUID.matcher(eventIdNode.asText()).matches()) {
            throw new LineRejected(QuarantineReason.BAD_EVENT_ID, "event_id");
        }
        String eventId = eventIdNode.asText().toLowerCase(Locale.ROOT);
        OffsetDateTime ts = eventTime(root);
        Map<String, Object> values = new HashMap<>();
        values.put(StagingEvents.EVENT_ID, eventId);
        values.put(StagingEvents.EVENT_TYPE, type.code());
        values.put(StagingEvents.SCHEMA_VERSION, SCHEMA_VERSION);
        values.put(StagingEvents.DEVICE_PSEUDONYM, pseudonym);
        values.put(StagingEvents.TS, Timestamp.from(ts.toInstant()));
        values.put(StagingEvents.TS_OFFSET_MINUTES, ts.getOffset().getTotalSeconds() / 60);
        values.put(StagingEvents.CONSENT_VERSION, FieldReader.text("consent_version").read(root, ""));
        values.put(StagingEvents.BIRTH_YEAR, birthYear(root));
        IpAddress ip = ipAddress(root);
        values.put(StagingEvents.REGION, regions.regionOf(ip));
        values.put(StagingEvents.IP_PREFIX, ip.networkText(ip.ipv4() ? IPV4_KEPT_BITS : IPV6_KEPT_BITS));
        values.put(StagingEvents.DEVICE, type == EventType.DEVICE_PROFILE
                ? StagingReaders.DEVICE_STRUCT.read(requiredObject(root, "device"), "device") : null);
        values.put(StagingEvents.SYSTEM, type == EventType.DEVICE_PROFILE
                ? StagingReaders.SYSTEM_STRUCT.read(requiredObject(root, "system"), "system") : null);
        values.put(StagingEvents.APP, type == EventType.APP_SESSION
                ? StagingReaders.APP_STRUCT.read(requiredObject(root, "app"), "app") : null);
        values.put(StagingEvents.DOWNLOAD, type == EventType.DOWNLOAD
                ? StagingReaders.DOWNLOAD_STRUCT.read(requiredObject(root, "download"), "download") : null);
        return ParsedLine.accepted(pseudonym, eventId, StagingEvents.row(values), Timestamp.from(ts.toInstant()),
                redacted);
    }

    /** {@code ts} must fall on the partition's day in its own offset (the user's local day), and not ahead of now. */
    private OffsetDateTime eventTime(JsonNode root) {
        JsonNode node = FieldReader.present(root, "ts");
        if (node == null) {
            throw new LineRejected(QuarantineReason.BAD_TIMESTAMP, "ts");
        }
        OffsetDateTime ts = FieldReader.offsetDateTime(node, "ts");
        if (!ts.toLocalDate().equals(date)) {
            throw new LineRejected(QuarantineReason.TIMESTAMP_OUTSIDE_DAY, "ts");
        }
        if (ts.toInstant().isAfter(latestAllowed)) {
            throw new LineRejected(QuarantineReason.TIMESTAMP_IN_FUTURE, "ts");
        }
        return ts;
    }

    /** A birth year that is not a whole number in 1900..event year was excluded as a possible child already. */
    private static Integer birthYear(JsonNode root) {
        JsonNode node = FieldReader.present(root, "birth_year");
        return node == null ? null : node.intValue();
    }

    private static IpAddress ipAddress(JsonNode root) {
        JsonNode node = FieldReader.present(root, "ip");
        IpAddress ip = node == null || !node.isTextual() ? null : IpAddress.parse(node.asText().strip());
        if (ip == null) {
            throw new LineRejected(QuarantineReason.BAD_IP, "ip");
        }
        return ip;
    }

    private static JsonNode requiredObject(JsonNode root, String field) {
        JsonNode node = FieldReader.present(root, field);
        if (node == null) {
            throw new LineRejected(QuarantineReason.MISSING_FIELD, field);
        }
        if (!node.isObject()) {
            throw new LineRejected(QuarantineReason.WRONG_TYPE, field);
        }
        return node;
    }
}

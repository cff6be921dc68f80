package org.uepdeid.jobs.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.ipregion.IpAddress;

/**
 * A test oracle that names the kind of a landing line by inspecting it, the way ingest will, independently of
 * the generator's plans. Kinds are those of {@link LinePlan#kind()}, except that malformed and truncated lines
 * are both {@code bad.unparseable}: telling a cut line from a broken one is not ingest's job.
 */
final class LineClassifier {

    static final String UNPARSEABLE = "bad.unparseable";
    private static final int ONE_MIB = 1 << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final LocalDate day;
    private final Set<String> cpuVendors;
    private final Set<String> boardVendors;
    private final Set<String> osVersions;
    private final Set<String> seenEventIds = new HashSet<>();

    LineClassifier(LocalDate day, Catalogues catalogues) {
        this.day = day;
        this.cpuVendors = catalogues.cpusByVendors().values().stream().flatMap(choice -> choice.values().stream())
                .map(CpuModel::vendor).collect(Collectors.toSet());
        this.boardVendors = catalogues.boards().values().stream().map(BoardModel::vendor).collect(Collectors.toSet());
        this.osVersions = catalogues.osBuilds().values().stream().map(OsBuild::version).collect(Collectors.toSet());
    }

    /** Lines must be classified in file order: the second of two identical event ids is the duplicate. */
    String classify(byte[] line) {
        if (line.length > ONE_MIB) {
            return "bad.huge_line";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return "bad.invalid_utf8";
        }
        JsonNode event;
        try {
            event = json.readTree(text);
        } catch (JsonProcessingException e) {
            return UNPARSEABLE;
        }
        // Ingest reads the birth year before anything else it checks: a child's readable line is a minor's.
        if (event.has("birth_year") && day.getYear() - event.get("birth_year").asInt() <= Owner.OLDEST_CHILD_YEARS) {
            return "minor";
        }
        JsonNode device = event.path("device");
        if (!event.path("ts").isTextual()
                || device.has("memory_mb") && !device.get("memory_mb").isInt()
                || device.has("cpu_cores") && !device.get("cpu_cores").isInt()
                || device.has("disks") && !device.get("disks").isArray()) {
            return "bad.wrong_type";
        }
        if (!event.path("schema").asText().equals("uep.v1")) {
            return "bad.unknown_schema";
        }
        String type = event.path("event_type").asText();
        if (!Set.of("device_profile", "app_session", "login", "download").contains(type)) {
            return "bad.unknown_event_type";
        }
        if (!event.path("device_id").isTextual() || event.path("device_id").asText().isEmpty()) {
            return "bad.missing_device_id";
        }
        OffsetDateTime ts = OffsetDateTime.parse(event.get("ts").asText());
        if (ts.getYear() > day.getYear() + 20) {
            return "bad.ts_in_future";
        }
        if (!ts.withOffsetSameInstant(ChinaTime.OFFSET).toLocalDate().equals(day)) {
            return "bad.ts_outside_day";
        }
        if (type.equals("app_session")) {
            long seconds = OffsetDateTime.parse(event.at("/app/exit").asText()).toEpochSecond()
                    - OffsetDateTime.parse(event.at("/app/start").asText()).toEpochSecond();
            if (seconds < 0) {
                return "bad.negative_duration";
            }
            if (seconds > ChinaTime.SECONDS_PER_DAY) {
                return "bad.overlong_duration";
            }
        }
        if (IpAddress.parse(event.path("ip").asText()) == null) {
            return "bad.unparsable_ip";
        }
        if (type.equals("device_profile") && (!cpuVendors.contains(device.path("cpu_vendor").asText())
                || !boardVendors.contains(device.path("board_vendor").asText())
                || !osVersions.contains(event.at("/system/os_version").asText()))) {
            return "bad.unknown_hierarchy_value";
        }
        if (!event.has("uep_enabled")) {
            return "no_consent.missing";
        }
        if (!event.get("uep_enabled").asBoolean()) {
            return "no_consent.disabled";
        }
        if (!ConsentSection.CURRENT_POLICY_VERSION.equals(event.path("consent_version").asText())) {
            return "no_consent.outdated";
        }
        if (!seenEventIds.add(event.get("event_id").asText())) {
            return "duplicate";
        }
        return type;
    }
}

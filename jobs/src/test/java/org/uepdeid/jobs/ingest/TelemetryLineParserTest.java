package org.uepdeid.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.testing.TelemetryFixtures.appSession;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceId;
import static org.uepdeid.jobs.testing.TelemetryFixtures.deviceProfile;
import static org.uepdeid.jobs.testing.TelemetryFixtures.download;
import static org.uepdeid.jobs.testing.TelemetryFixtures.line;
import static org.uepdeid.jobs.testing.TelemetryFixtures.login;
import static org.uepdeid.jobs.testing.TelemetryFixtures.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.config.DevicePseudonymizer;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import org.uepdeid.jobs.pii.PersonalDataCatalogue;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.testing.TelemetryFixtures;

class TelemetryLineParserTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    /** Noon UTC on the day: 20:00 in +08:00, so later local times of the day are in the future. */
    static final Instant RUN_START = Instant.parse("2026-11-27T12:00:00Z");
    static final PseudonymKey KEY = TelemetryFixtures.KEY;

    static final IngestRules RULES = new IngestRules(PipelineConfig.DEFAULT_CHILDREN_UP_TO_AGE, ConsentSection.DEFAULTS);

    private final TelemetryLineParser parser = new TelemetryLineParser(KEY, regions(), DAY, RUN_START, RULES);

    /** One line per kind of bad input, with the reason and field it must be quarantined under. */
    static Stream<Arguments> badLines() {
        ObjectNode profile = deviceProfile(deviceId(1));
        ObjectNode session = appSession(deviceId(1));
        byte[] invalidUtf8 = utf8(line(login(deviceId(1)), e -> e.put("consent_version", "@")));
        invalidUtf8[Arrays.asList(toObjects(invalidUtf8)).indexOf((byte) '@')] = (byte) 0xC3;
        String valid = line(profile, e -> { });
        return Stream.of(
                bad("line_too_large", utf8(line(profile, e -> e.put("padding", "x".repeat(1 << 20)))), null),
                bad("invalid_utf8", invalidUtf8, null),
                bad("empty_line", utf8("   "), null),
                bad("truncated", utf8(valid.substring(0, valid.indexOf("LENOVO") + 3)), null),
                bad("bad_json", utf8("{device_id: 1}"), null),
                bad("bad_json", utf8(valid + " trailing"), null),
                bad("bad_json", utf8("{\"uep_enabled\": true, \"uep_enabled\": false}"), null),
                bad("not_an_object", utf8("[1, 2, 3]"), null),
                bad("missing_device_id", utf8(line(profile, e -> e.remove("device_id"))), "device_id"),
                bad("missing_device_id", utf8(line(profile, e -> e.put("device_id", " "))), "device_id"),
                bad("wrong_type", utf8(line(profile, e -> e.put("device_id", 42))), "device_id"),
                bad("unknown_schema", utf8(line(profile, e -> e.put("schema", "uep.v2"))), "schema"),
                bad("unknown_event_type", utf8(line(profile, e -> e.put("event_type", "reboot"))), "event_type"),
                bad("bad_event_id", utf8(line(profile, e -> e.put("event_id", "not-a-uuid"))), "event_id"),
                bad("bad_timestamp", utf8(line(profile, e -> e.put("ts", "yesterday"))), "ts"),
                bad("bad_timestamp", utf8(line(profile, e -> e.put("ts", "2026-11-27T09:30:00"))), "ts"),
                // 01:00 on the 28th in +08:00 is still the 27th in UTC: the day is the event's own.
                bad("timestamp_outside_day", utf8(line(profile, e -> e.put("ts", "2026-11-28T01:00:00+08:00"))), "ts"),
                bad("timestamp_outside_day", utf8(line(profile, e -> e.put("ts", "2026-11-26T23:59:59+08:00"))), "ts"),
                bad("timestamp_in_future", utf8(line(profile, e -> e.put("ts", "2026-11-27T22:00:00+08:00"))), "ts"),
                bad("invalid_duration", utf8(line(session,
                        e -> ((ObjectNode) e.get("app")).put("exit", "2026-11-27T08:59:59+08:00"))), "app.exit"),
                bad("invalid_duration", utf8(line(session,
                        e -> ((ObjectNode) e.get("app")).put("exit", "2026-11-28T09:00:01+08:00"))), "app.exit"),
                bad("bad_timestamp", utf8(line(session, e -> ((ObjectNode) e.get("app")).put("start", "9am"))),
                        "app.start"),
                bad("bad_ip", utf8(line(profile, e -> e.put("ip", "999.1.1.1"))), "ip"),
                bad("bad_ip", utf8(line(profile, e -> e.put("ip", "localhost"))), "ip"),
                bad("bad_ip", utf8(line(profile, e -> e.put("ip", "2001:db8::zz"))), "ip"),
                bad("bad_ip", utf8(line(profile, e -> e.remove("ip"))), "ip"),
                bad("wrong_type", utf8(line(profile, e -> ((ObjectNode) e.get("device")).put("memory_mb", "16G"))),
                        "device.memory_mb"),
                bad("wrong_type", utf8(line(profile, e -> ((ObjectNode) e.get("system")).putArray("mouse"))),
                        "system.mouse"),
                bad("missing_field", utf8(line(profile, e -> e.remove("device"))), "device"),
                bad("missing_field", utf8(line(session, e -> ((ObjectNode) e.get("app")).remove("start"))),
                        "app.start"),
                bad("invalid_value", utf8(line(profile, e -> ((ObjectNode) e.get("device")).put("memory_mb", -1))),
                        "device.memory_mb"),
                bad("invalid_value", utf8(line(download(deviceId(1)),
                        e -> ((ObjectNode) e.get("download")).put("source", "torrent"))), "download.source"));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("badLines")
    void quarantinesEachKindOfBadInputWithItsReason(String reason, byte[] line, String field) {
        ParsedLine parsed = parser.classify(line);

        assertThat(parsed.outcome()).isEqualTo(Outcome.QUARANTINED);
        assertThat(parsed.reason().code()).isEqualTo(reason);
        assertThat(parsed.field()).isEqualTo(field);
        assertThat(parsed.event()).isNull();
    }

    @Test
    void everyReasonCodeIsExercised() {
        List<String> exercised = badLines().map(a -> (String) a.get()[0]).toList();

        assertThat(Arrays.stream(QuarantineReason.values()).map(QuarantineReason::code))
                .filteredOn(code -> !code.equals("unclassifiable"))
                .allMatch(exercised::contains);
    }

    @Test
    void acceptsEachEventTypeAndKeepsNoIdentifier() {
        for (ObjectNode event : List.of(deviceProfile(deviceId(1)), appSession(deviceId(1)), login(deviceId(1)),
                download(deviceId(1)))) {
            ParsedLine parsed = parser.classify(utf8(event.toString()));

            assertThat(parsed.outcome()).as(event.get("event_type").asText()).isEqualTo(Outcome.ACCEPTED);
            assertThat(parsed.event().toString()).doesNotContain(deviceId(1), "zhangsan", "PF2ABCDE",
                    "BIOS-SN-778899", "S4EWNX0R123456", "3c:52:82:aa:bb:cc", "203.0.113.7");
        }
    }

    @Test
    void reducesTheIpToItsRegionAndPrefix() {
        Row event = parser.classify(utf8(line(login(deviceId(1)), e -> e.put("ip", "198.51.100.7")))).event();

        assertThat(event.<String>getAs(StagingEvents.REGION)).isEqualTo("上海");
        assertThat(event.<String>getAs(StagingEvents.IP_PREFIX)).isEqualTo("198.51.100.0/24");
    }

    @Test
    void readsTheDayInTheEventsOwnOffset() {
        // 23:30 on the 27th in -05:00 is the 28th in UTC, yet the user's day is the 27th (and it is not the future
        // for a run that starts after it).
        TelemetryLineParser late = new TelemetryLineParser(KEY, regions(), DAY, Instant.parse("2026-11-29T00:00:00Z"),
                RULES);

        ParsedLine parsed = late.classify(utf8(line(login(deviceId(1)), e -> e.put("ts", "2026-11-27T23:30:00-05:00"))));

        assertThat(parsed.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(parsed.event().<Integer>getAs(StagingEvents.TS_OFFSET_MINUTES)).isEqualTo(-300);
    }

    @Test
    void onlyALiteralTrueIsConsent() {
        for (String consent : List.of("false", "\"true\"", "1", "null")) {
            String line = line(login(deviceId(1)), e -> e.remove("uep_enabled")).replaceFirst("\\{",
                    "{\"uep_enabled\": " + consent + ", ");

            assertThat(parser.classify(utf8(line)).outcome()).as(consent).isEqualTo(Outcome.NO_CONSENT);
        }
        assertThat(parser.classify(utf8(line(login(deviceId(1)), e -> e.remove("uep_enabled")))).outcome())
                .isEqualTo(Outcome.NO_CONSENT);
    }

    @Test
    void consentAndAgeComeBeforeValidationSoNothingOfThemIsKept() {
        ParsedLine noConsent = parser.classify(utf8(line(login(deviceId(1)),
                e -> e.put("uep_enabled", false).put("ts", "garbage"))));
        ParsedLine minor = parser.classify(utf8(line(login(deviceId(1)),
                e -> e.put("birth_year", 2015).put("ip", "not an ip").put("uep_enabled", false))));

        assertThat(noConsent.outcome()).isEqualTo(Outcome.NO_CONSENT);
        assertThat(minor.outcome()).isEqualTo(Outcome.MINOR);
        assertThat(minor.event()).isNull();
        // Kept only so that ingest can exclude the device's other lines and record it in ledger/children.
        assertThat(minor.devicePseudonym()).isEqualTo(new DevicePseudonymizer(KEY).pseudonym(deviceId(1)));
        assertThat(minor.childBirthYear()).isEqualTo(2015);
    }

    @ParameterizedTest(name = "born {0}: {1}")
    @CsvSource({"2013, minor", "2012, minor", "2011, minor", "2010, accepted"})
    void withOnlyABirthYearAUserIsAChildWhileTheYearsDifferByFifteenOrLess(int birthYear, String outcome) {
        // 2026 - 2013 = 13, ... 2026 - 2011 = 15: may still be 14 before the birthday; 16: surely 15 or older.
        assertThat(parser.classify(utf8(line(login(deviceId(1)), e -> e.put("birth_year", birthYear)))).outcome()
                .code()).isEqualTo(outcome);
    }

    @Test
    void noBirthYearIsNotKnownToBeAChild() {
        assertThat(parser.classify(utf8(line(login(deviceId(1)), e -> e.remove("birth_year")))).outcome())
                .isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"2012\"", "\"1990\"", "2012.5", "1800", "2027", "true", "{}"})
    void aBirthYearThatIsNoWholeNumberIn1900ToTheEventYearMayBeAChild(String birthYear) {
        String text = line(deviceProfile(deviceId(1)), e -> e.remove("birth_year"))
                .replaceFirst("\\{", "{\"birth_year\": " + birthYear + ", ");

        ParsedLine parsed = parser.classify(utf8(text));

        assertThat(parsed.outcome()).isEqualTo(Outcome.MINOR);
        assertThat(parsed.event()).isNull();
        assertThat(parsed.reason()).isNull();
        assertThat(parsed.childBirthYear()).as("taken as born in the event year").isEqualTo(DAY.getYear());
    }

    @Test
    void consentUnderAPolicyVersionNotAcceptedIsNoConsent() {
        assertThat(parser.classify(utf8(line(login(deviceId(1)), e -> e.put("consent_version", "2019-08-01"))))
                .outcome()).isEqualTo(Outcome.NO_CONSENT);
        assertThat(parser.classify(utf8(line(login(deviceId(1)), e -> e.remove("consent_version")))).outcome())
                .isEqualTo(Outcome.NO_CONSENT);
        assertThat(parser.classify(utf8(line(login(deviceId(1)), e -> e.put("consent_version", 20200323))))
                .outcome()).isEqualTo(Outcome.NO_CONSENT);
        assertThat(parser.classify(utf8(login(deviceId(1)).toString())).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void personalDataInAPublishableValueIsRedactedAndCountedNotPublished() {
        ParsedLine parsed = parser.classify(utf8(line(deviceProfile(deviceId(1)), e -> {
            ((ObjectNode) e.get("system")).put("theme", "call 138 1234 5678").put("language", "zh-CN")
                    .put("kernel", "5.10-" + TelemetryFixtures.USER_NAME);
            ((ObjectNode) e.get("system").get("hot_corners")).put("top_right", "/home/admin-wangqiang/bin/vpn.sh")
                    .put("a13812345678", "launcher");
            ((ObjectNode) e.get("device")).put("board_model", "owner li.lei＠example.com");
        })));

        assertThat(parsed.outcome()).isEqualTo(Outcome.ACCEPTED);
        Row system = parsed.event().getAs(StagingEvents.SYSTEM);
        assertThat(system.<String>getAs("theme")).isEqualTo(PersonalDataCatalogue.REDACTED);
        assertThat(system.<String>getAs("kernel")).as("the event's own user name").isEqualTo(PersonalDataCatalogue.REDACTED);
        assertThat(system.<String>getAs("language")).as("not ll_CC").isEqualTo("other");
        assertThat(parsed.event().toString()).doesNotContain("1234", "wangqiang", "li.lei", "13812345678");
        assertThat(parsed.redacted()).containsExactlyInAnyOrder("system.theme", "system.kernel",
                "system.hot_corners.top_right", "system.hot_corners.<key>", "device.board_model");
    }

    @Test
    void aQuarantinedLineCarriesItsPseudonymForErasure() {
        ParsedLine parsed = parser.classify(utf8(line(login(deviceId(1)), e -> e.put("ip", "nope"))));

        assertThat(parsed.devicePseudonym()).isEqualTo(new DevicePseudonymizer(KEY).pseudonym(deviceId(1)));
    }

    @Test
    void wallpaperAndMountsKeepOnlyTheirCategory() {
        Row event = parser.classify(utf8(deviceProfile(deviceId(1)).toString())).event();

        Row system = event.getAs(StagingEvents.SYSTEM);
        assertThat(system.<String>getAs("wallpaper_category")).isEqualTo("custom");
        assertThat(event.toString()).contains("other").doesNotContain("/media/");
    }

    static IpRegionTable regions() {
        try (InputStream in = TelemetryLineParserTest.class.getResourceAsStream("/ip-regions-test.csv")) {
            return IpRegionTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
                    "ip-regions-test.csv");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments bad(String reason, byte[] line, String field) {
        return Arguments.of(reason, line, field);
    }

    private static Byte[] toObjects(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}

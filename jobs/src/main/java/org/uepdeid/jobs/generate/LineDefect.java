package org.uepdeid.jobs.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of bad input UEP-TELEMETRY.md says the pipeline must expect. Each turns a good event into one bad
 * line that should be quarantined for exactly one reason (its {@link #code()}); the rest of the line is valid.
 */
enum LineDefect {

    /** Not JSON: a comma or colon missing, or a quote left unescaped inside a value. */
    MALFORMED_JSON("malformed_json", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            String json = context.text(event);
            String spoiled = switch (context.random().nextInt(3)) {
                case 0 -> json.replace(",\"event_id\":", " \"event_id\":");
                case 1 -> json.replace("\"event_type\":", "\"event_type\" ");
                default -> json.replace("\"device_id\":\"", "\"device_id\":\"\"");
            };
            return spoiled.getBytes(StandardCharsets.UTF_8);
        }
    },

    /** Cut off somewhere in the middle, as when an upload is interrupted. */
    TRUNCATED("truncated", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            String json = context.text(event);
            int cut = context.random().between(json.length() / 10, json.length() * 9 / 10);
            if (Character.isLowSurrogate(json.charAt(cut))) {
                cut--;  // cut between characters, not inside one: this defect is about JSON, not UTF-8
            }
            return json.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        }
    },

    /** A field of the wrong JSON type: {@code "memory_mb": "16G"}, cores as text, disks as an object, ts a number. */
    WRONG_TYPE("wrong_type", EventType.DEVICE_PROFILE, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            ObjectNode device = (ObjectNode) event.get("device");
            switch (context.random().nextInt(4)) {
                case 0 -> device.put("memory_mb", device.get("memory_mb").asInt() / 1024 + "G");
                case 1 -> device.put("cpu_cores", device.get("cpu_cores").asInt() + " cores");
                case 2 -> device.set("disks", device.get("disks").get(0));
                default -> event.put("ts", context.dayStart() + context.random().nextInt(86_400));
            }
            return context.bytes(event);
        }
    },

    /** A schema this pipeline does not know. */
    UNKNOWN_SCHEMA("unknown_schema", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            event.put("schema", context.random().pickUniform(List.of("uep.v2", "uep.v0", "uep/1")));
            return context.bytes(event);
        }
    },

    /** An event type outside the four that UEP defines. */
    UNKNOWN_EVENT_TYPE("unknown_event_type", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            event.put("event_type", context.random().pickUniform(
                    List.of("crash_report", "screen_time", "app_install", "bluetooth_pair")));
            return context.bytes(event);
        }
    },

    /** No device id: the field absent, null or empty. */
    MISSING_DEVICE_ID("missing_device_id", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            switch (context.random().nextInt(3)) {
                case 0 -> event.remove("device_id");
                case 1 -> event.putNull("device_id");
                default -> event.put("device_id", "");
            }
            return context.bytes(event);
        }
    },

    /** A time on the day before or after the partition's day (China time); the day before can be a second before. */
    TS_OUTSIDE_DAY("ts_outside_day", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            long offset = context.random().chance(0.5)
                    ? -context.random().between(1, 86_400)
                    : ChinaTime.SECONDS_PER_DAY + context.random().nextInt(86_400);
            event.put("ts", ChinaTime.format(context.dayStart() + offset));
            return context.bytes(event);
        }
    },

    /** A time decades ahead, a client with a broken clock: in the future whenever the pipeline runs. */
    TS_IN_FUTURE("ts_in_future", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            long days = 30 * 365 + context.random().nextInt(10 * 365);
            event.put("ts", ChinaTime.format(context.dayStart() + days * ChinaTime.SECONDS_PER_DAY
                    + context.random().nextInt(86_400)));
            return context.bytes(event);
        }
    },

    /** An app that exits before it starts. */
    NEGATIVE_DURATION("negative_duration", EventType.APP_SESSION, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            return withExit(event, context, -context.random().between(1, 3600));
        }
    },

    /** An app session longer than 24 hours. */
    OVERLONG_DURATION("overlong_duration", EventType.APP_SESSION, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            return withExit(event, context, ChinaTime.SECONDS_PER_DAY + context.random().between(1, 3 * 86_400));
        }
    },

    /**
     * A line over 1 MiB (a client dumping a log). Rare (a twentieth of the others' weight): each costs 1.2 MB,
     * and a realistic feed has few.
     */
    HUGE_LINE("huge_line", null, 0.05) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            String chunk = context.random().characters("abcdefghijklmnopqrstuvwxyz0123456789 ", 1024);
            event.put("diagnostics", chunk.repeat(HUGE_LINE_BYTES / chunk.length()));
            return context.bytes(event);
        }
    },

    /**
     * Bytes that are not UTF-8: the wallpaper path as an old client sent it, in GBK. "壁纸" in GBK starts with
     * 0xB1, a UTF-8 continuation byte with no lead byte, so the line is invalid UTF-8 whatever surrounds it.
     */
    INVALID_UTF8("invalid_utf8", EventType.DEVICE_PROFILE, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            ObjectNode system = (ObjectNode) event.get("system");
            String path = "/home/" + system.get("username").asText() + "/壁纸/"
                    + context.random().between(1, 99) + ".jpg";
            system.put("wallpaper", GBK_PLACEHOLDER);
            return replace(context.bytes(event), GBK_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII),
                    path.getBytes(Charset.forName("GBK")));
        }
    },

    /** A value no hierarchy knows: an unheard-of CPU vendor, board vendor or OS build. */
    UNKNOWN_HIERARCHY_VALUE("unknown_hierarchy_value", EventType.DEVICE_PROFILE, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            ObjectNode device = (ObjectNode) event.get("device");
            switch (context.random().nextInt(3)) {
                case 0 -> {
                    List<String> cpu = context.random().pickUniform(UNKNOWN_CPUS);
                    device.put("cpu_vendor", cpu.get(0));
                    device.put("cpu_model", cpu.get(1));
                }
                case 1 -> {
                    device.put("board_vendor", "Shenzhen Xinghe Electronics");
                    device.put("board_model", "XH-B" + context.random().digits(3));
                }
                default -> ((ObjectNode) event.get("system"))
                        .put("os_version", "19." + context.random().digits(4) + ".1");
            }
            return context.bytes(event);
        }
    },

    /** An address that does not parse as IPv4 or IPv6. */
    UNPARSABLE_IP("unparsable_ip", null, 1) {
        @Override
        byte[] spoil(ObjectNode event, DefectContext context) {
            event.put("ip", context.random().pickUniform(
                    List.of("300.12.7.1", "10.0.0", "192.168.1.256", "2409:8a1e::zz", "::ffff:999.1.1.1", "unknown")));
            return context.bytes(event);
        }
    };

    // Vendors that made x86 CPUs once but appear in no catalogue or hierarchy here.
    private static final List<List<String>> UNKNOWN_CPUS =
            List.of(List.of("Transmeta", "Crusoe TM5800"), List.of("Cyrix", "6x86MX"), List.of("NexGen", "Nx586"));
    static final int HUGE_LINE_BYTES = 1_200_000;
    private static final String GBK_PLACEHOLDER = "@@GBK@@";

    private final String code;
    private final EventType carrier;
    private final double weight;

    LineDefect(String code, EventType carrier, double weight) {
        this.code = code;
        this.carrier = carrier;
        this.weight = weight;
    }

    /** The reason code a quarantine should give: lower_snake_case. */
    String code() {
        return code;
    }

    /** The event type this defect needs (durations need an app session), or empty when any type will do. */
    Optional<EventType> carrier() {
        return Optional.ofNullable(carrier);
    }

    /**
     * Whether ingest can still read the line as a JSON object: then it sees a child's birth year before the defect,
     * and the line counts as a minor's.
     */
    boolean readsAsJson() {
        return !EnumSet.of(MALFORMED_JSON, TRUNCATED, HUGE_LINE, INVALID_UTF8).contains(this);
    }

    /** Relative frequency among bad lines. */
    double weight() {
        return weight;
    }

    /** The bad line made from {@code event} (which this may change). */
    abstract byte[] spoil(ObjectNode event, DefectContext context);

    /** App sessions start at the event's time, so the exit is placed relative to that. */
    private static byte[] withExit(ObjectNode event, DefectContext context, long secondsAfterStart) {
        ((ObjectNode) event.get("app")).put("exit", ChinaTime.format(context.eventTime() + secondsAfterStart));
        return context.bytes(event);
    }

    private static byte[] replace(byte[] line, byte[] target, byte[] replacement) {
        for (int at = 0; at + target.length <= line.length; at++) {
            if (Arrays.equals(line, at, at + target.length, target, 0, target.length)) {
                ByteArrayOutputStream result = new ByteArrayOutputStream(line.length + replacement.length);
                result.write(line, 0, at);
                result.writeBytes(replacement);
                result.write(line, at + target.length, line.length - at - target.length);
                return result.toByteArray();
            }
        }
        throw new IllegalStateException("placeholder " + new String(target, StandardCharsets.US_ASCII)
                + " is missing from the line it was just written into");
    }
}

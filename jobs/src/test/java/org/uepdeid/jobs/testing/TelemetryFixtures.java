package org.uepdeid.jobs.testing;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.jobs.config.AnonymizationSection;
import org.uepdeid.jobs.config.ConfigSource;
import org.uepdeid.jobs.config.ConsentSection;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;

/**
 * Hand-written UEP telemetry for tests: valid events of each type on 2026-11-27 (+08:00), carrying planted personal
 * data (serials, MACs, host and user names, a home-folder wallpaper) that must never reach staging.
 */
public final class TelemetryFixtures {

    public static final String DAY = "2026-11-27";
    /** A user name planted in hostname, username, the wallpaper path and a mount point. */
    public static final String USER_NAME = "zhangsan";
    public static final List<String> PLANTED = List.of(USER_NAME, "PF2ABCDE", "BIOS-SN-778899", "S4EWNX0R123456",
            "3c:52:82:aa:bb:cc", "203.0.113.7", "2001:db8:1234::5", "198.51.100.7");

    /** A test key as {@code openssl rand -hex 32} makes one: handwritten days may not use the demo key. */
    public static final String KEY_HEX = "9c1f6a2b7e0d4c3a8b5f1e2d7c6a9b0e3f4d5c6b7a8e9f0a1b2c3d4e5f6a7b8c";
    public static final PseudonymKey KEY = PseudonymKey.fromEnvironment(KEY_HEX);

    private static final JsonMapper JSON = new JsonMapper();

    private TelemetryFixtures() {
    }

    /** A device id that is easy to search for in outputs. */
    public static String deviceId(int n) {
        return String.format("dev-%04d-install-id", n);
    }

    /** A fresh event id for a line. */
    public static String eventId() {
        return UUID.randomUUID().toString();
    }

    public static ObjectNode envelope(String type, String deviceId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("schema", "uep.v1");
        event.put("event_id", eventId());
        event.put("event_type", type);
        event.put("device_id", deviceId);
        event.put("ts", DAY + "T09:30:00+08:00");
        event.put("ip", "203.0.113.7");
        event.put("uep_enabled", true);
        event.put("consent_version", ConsentSection.CURRENT_POLICY_VERSION);
        event.put("birth_year", 1990);
        return event;
    }

    public static ObjectNode deviceProfile(String deviceId) {
        ObjectNode event = envelope("device_profile", deviceId);
        ObjectNode device = event.putObject("device");
        device.put("board_vendor", "LENOVO").put("board_model", "ThinkPad X1").put("board_serial", "PF2ABCDE")
                .put("bios_vendor", "LENOVO").put("bios_version", "N2HET45W").put("bios_date", "05/12/2023")
                .put("bios_serial", "BIOS-SN-778899").put("cpu_vendor", "GenuineIntel")
                .put("cpu_model", "Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz").put("cpu_cores", 4)
                .put("memory_mb", 16384);
        device.putArray("disks").addObject().put("model", "SAMSUNG MZVLB512").put("serial", "S4EWNX0R123456")
                .put("size_gb", 512).put("type", "ssd");
        device.putArray("partitions").add(JSON.createObjectNode().put("fs", "ext4").put("size_gb", 100).put("mount", "/"))
                .add(JSON.createObjectNode().put("fs", "ext4").put("size_gb", 400)
                        .put("mount", "/media/" + USER_NAME + "/data"));
        device.putArray("nics").addObject().put("vendor", "Intel").put("model", "I219-V").put("mac", "3c:52:82:aa:bb:cc");
        ObjectNode system = event.putObject("system");
        system.put("os_version", "20.1070").put("edition", "Professional").put("kernel", "5.10.101-amd64-desktop")
                .put("last_update", "2026-11-20").put("language", "zh_CN").put("timezone", "Asia/Shanghai")
                .put("sound_theme", "deepin").put("power_mode", "balanced").put("theme", "light")
                .put("launcher_mode", "fullscreen").put("wallpaper", "/home/" + USER_NAME + "/Pictures/cat.jpg")
                .put("hostname", USER_NAME + "-pc").put("username", USER_NAME);
        system.putObject("dock").put("position", "bottom").put("size", 48);
        system.putObject("hot_corners").put("top_left", "launcher");
        system.putObject("mouse").put("speed", 5).put("left_handed", false);
        return event;
    }

    public static ObjectNode appSession(String deviceId) {
        ObjectNode event = envelope("app_session", deviceId);
        event.putObject("app").put("id", "com.deepin.editor").put("version", "6.0.1")
                .put("start", DAY + "T09:00:00+08:00").put("exit", DAY + "T09:20:00+08:00");
        return event;
    }

    public static ObjectNode login(String deviceId) {
        return envelope("login", deviceId);
    }

    public static ObjectNode download(String deviceId) {
        ObjectNode event = envelope("download", deviceId);
        event.putObject("download").put("source", "app-store").put("app_id", "com.deepin.music");
        return event;
    }

    /** An event changed by {@code edit}, as one JSON line. */
    public static String line(ObjectNode event, Consumer<ObjectNode> edit) {
        ObjectNode copy = event.deepCopy();
        edit.accept(copy);
        return copy.toString();
    }

    /**
     * A minimal anonymization section, k = 10 over the region with a built hierarchy, for configs of tests that never
     * anonymize: it loads without any file, as every config's policy must.
     */
    public static final String ANONYMIZATION = """
            anonymization:
              quasi_identifiers: [{name: region, hierarchy: {type: masking, separator: "_", levels: 1}}]
              privacy_models: [{type: k-anonymity, k: 10}]
              suppression_limit: 0.02
              metric: {type: loss}
            """;

    /** A pipeline config on a data root, with the test IP table and {@link #ANONYMIZATION}. */
    public static PipelineConfig config(Path dataRoot) {
        try {
            URI regions = TelemetryFixtures.class.getResource("/ip-regions-test.csv").toURI();
            DocumentNode yaml = DocumentNode.parse(ANONYMIZATION.getBytes(StandardCharsets.UTF_8), "tests",
                    DocumentNode.Format.YAML);
            return new PipelineConfig(dataRoot.toUri(), regions, PipelineConfig.DEFAULT_CHILDREN_UP_TO_AGE, 10,
                    AnonymizationSection.read(yaml.get(AnonymizationSection.KEY), dataRoot),
                    ConfigSource.inline("tests"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code pipeline.yaml} into {@code dir} as a user would: data root {@code dir/data}, k = 10, and the test
     * IP table beside it under the name the config defaults to. Returns the config file.
     */
    public static Path writeConfigFile(Path dir) throws IOException {
        try (InputStream regions = TelemetryFixtures.class.getResourceAsStream("/ip-regions-test.csv")) {
            Files.copy(regions, dir.resolve("ip-regions.csv"));
        }
        return Files.writeString(dir.resolve("pipeline.yaml"), "data_root: data\n" + ANONYMIZATION);
    }

    /** Writes raw lines (each already without its line break) into a landing file of {@link #DAY}. */
    public static Path writeLanding(Path dataRoot, String fileName, List<byte[]> lines) {
        return writeLanding(dataRoot, DAY, fileName, lines);
    }

    /** Writes raw lines (each already without its line break) into a landing file of {@code day}. */
    public static Path writeLanding(Path dataRoot, String day, String fileName, List<byte[]> lines) {
        try {
            Path file = dataRoot.resolve("landing/dt=" + day).resolve(fileName);
            Files.createDirectories(file.getParent());
            try (OutputStream raw = Files.newOutputStream(file);
                 OutputStream out = fileName.endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
                for (byte[] line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}

package org.uepdeid.jobs.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.uepdeid.jobs.config.ConfigException;

/**
 * The generator's settings from the {@code generate:} section of a YAML config (other sections belong to
 * other jobs and are ignored): the IP-region table, the shares, and how many devices go in one file.
 *
 * <pre>
 * generate:
 *   ip_regions: ip-regions.csv        # relative to the config file
 *   devices_per_file: 20000
 *   consent_disabled_share: 0.03
 *   consent_missing_share: 0.01
 *   birth_year_share: 0.25
 *   minor_share: 0.02
 *   duplicate_share: 0.003
 * </pre>
 */
record GeneratorConfig(Path ipRegions, Shares shares, int devicesPerFile) {

    /** Resolved against the working directory: the launcher is run from the repository root. */
    static final Path DEFAULT_IP_REGIONS = Path.of("jobs-config", "ip-regions.csv");
    // About 100 MB of JSON Lines a file: large enough for efficient reads, small enough to spread over executors.
    static final int DEFAULT_DEVICES_PER_FILE = 20_000;
    static final GeneratorConfig DEFAULT =
            new GeneratorConfig(DEFAULT_IP_REGIONS, Shares.DEFAULT, DEFAULT_DEVICES_PER_FILE);

    private static final String SECTION = "generate";
    private static final Set<String> KEYS = Set.of("ip_regions", "devices_per_file", "consent_disabled_share",
            "consent_missing_share", "birth_year_share", "minor_share", "duplicate_share");

    GeneratorConfig {
        if (devicesPerFile < 1) {
            throw new IllegalArgumentException("devices_per_file must be at least 1, got " + devicesPerFile);
        }
    }

    /**
     * Reads the {@code generate:} section of {@code file}; absent keys keep their defaults.
     *
     * @throws ConfigException naming the file, key and value when the config cannot be used
     */
    static GeneratorConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("config " + file + " cannot be read as YAML: " + e.getMessage(), e);
        }
        JsonNode section = root == null ? null : root.get(SECTION);
        if (section == null || section.isNull()) {
            return DEFAULT;
        }
        String where = "config " + file + ": " + SECTION + ".";
        if (!section.isObject()) {
            throw new ConfigException("config " + file + ": " + SECTION + " must be a mapping of keys");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = section.fields(); fields.hasNext(); ) {
            String key = fields.next().getKey();
            if (!KEYS.contains(key)) {
                throw new ConfigException(where + key + " is not a setting; known: " + KEYS);
            }
        }
        Shares defaults = Shares.DEFAULT;
        try {
            Path ipRegions = section.has("ip_regions")
                    ? resolve(file, text(section, "ip_regions", where))
                    : DEFAULT_IP_REGIONS;
            Shares shares = new Shares(
                    number(section, "consent_disabled_share", defaults.consentDisabled(), where),
                    number(section, "consent_missing_share", defaults.consentMissing(), where),
                    number(section, "birth_year_share", defaults.birthYear(), where),
                    number(section, "minor_share", defaults.minor(), where),
                    number(section, "duplicate_share", defaults.duplicate(), where));
            int devicesPerFile = section.has("devices_per_file")
                    ? integer(section, "devices_per_file", where)
                    : DEFAULT_DEVICES_PER_FILE;
            return new GeneratorConfig(ipRegions, shares, devicesPerFile);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The shares' own checks reject values read from the file: the user's to fix.
            throw new ConfigException(where + e.getMessage(), e);
        }
    }

    private static Path resolve(Path configFile, String path) {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(path) : parent.resolve(path);
    }

    private static String text(JsonNode section, String key, String where) {
        JsonNode value = section.get(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ConfigException(where + key + " = " + value + ": must be a path");
        }
        return value.asText();
    }

    private static double number(JsonNode section, String key, double fallback, String where) {
        JsonNode value = section.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new ConfigException(where + key + " = " + value + ": must be a number between 0 and 1");
        }
        return value.asDouble();
    }

    private static int integer(JsonNode section, String key, String where) {
        JsonNode value = section.get(key);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ConfigException(where + key + " = " + value + ": must be a whole number");
        }
        return value.asInt();
    }

    /** Whether this config points at the table the pipeline ships, for error hints. */
    boolean usesDefaultIpRegions() {
        return ipRegions.equals(DEFAULT_IP_REGIONS);
    }
}

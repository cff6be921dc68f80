package org.uepdeid.jobs.generate;

import java.nio.file.Path;
import java.util.List;
import org.uepdeid.anonymizer.input.DocumentNode;

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
    private static final List<String> KEYS = List.of("ip_regions", "devices_per_file", "consent_disabled_share",
            "consent_missing_share", "birth_year_share", "minor_share", "duplicate_share");

    GeneratorConfig {
        if (devicesPerFile < 1) {
            throw new IllegalArgumentException("devices_per_file must be at least 1, got " + devicesPerFile);
        }
    }

    /**
     * Reads the {@code generate:} section of {@code file}; absent keys keep their defaults.
     *
     * @throws org.uepdeid.anonymizer.input.UserInputException naming the file, key and value when the config cannot
     *     be used
     */
    static GeneratorConfig read(Path file) {
        DocumentNode root = DocumentNode.read(file);
        DocumentNode section = root.isPresent() ? root.mapping().at(SECTION) : root;
        if (!section.isPresent()) {
            return DEFAULT;
        }
        section.mapping(KEYS);
        Shares defaults = Shares.DEFAULT;
        try {
            return new GeneratorConfig(
                    section.has("ip_regions") ? resolve(file, section.get("ip_regions").text()) : DEFAULT_IP_REGIONS,
                    new Shares(section.number("consent_disabled_share", defaults.consentDisabled()),
                            section.number("consent_missing_share", defaults.consentMissing()),
                            section.number("birth_year_share", defaults.birthYear()),
                            section.number("minor_share", defaults.minor()),
                            section.number("duplicate_share", defaults.duplicate())),
                    section.wholeNumber("devices_per_file", DEFAULT_DEVICES_PER_FILE));
        } catch (IllegalArgumentException e) {
            // The shares' own checks reject values read from the file: the user's to fix.
            throw section.error(e.getMessage(), e);
        }
    }

    private static Path resolve(Path configFile, String path) {
        Path parent = configFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(path) : parent.resolve(path);
    }

    /** Whether this config points at the table the pipeline ships, for error hints. */
    boolean usesDefaultIpRegions() {
        return ipRegions.equals(DEFAULT_IP_REGIONS);
    }
}

package org.uepdeid.jobs.config;

import java.net.URI;

/**
 * The validated pipeline configuration ({@code jobs-config/pipeline.yaml}); every location in it is absolute.
 *
 * <p>Each component is checked here, so a config that exists is a config the jobs can trust. Error messages name the
 * YAML key and the bad value. The pseudonym key is deliberately not part of it: see {@link PseudonymKey}.
 *
 * @param dataRoot where the zones live (a Hadoop URI: {@code file:}, {@code hdfs:}, ...)
 * @param ipRegions the IP-to-region table ({@code cidr,region} CSV)
 * @param childrenUpToAge users who may be this old or younger on the event day are children, whose data is not
 *                        collected (policy Part VII; Appendix 1 counts children "of 14 years old" among them)
 * @param minDevices the fewest distinct devices an aggregate cell may describe
 * @param anonymization the anonymization policy, checked when the config loads
 * @param aggregates how much one device may add to one aggregate cell
 * @param retention how many days each zone keeps its day partitions
 * @param releases who receives the microdata, and when a data root's lock is abandoned
 * @param consent the privacy-policy versions whose consent is accepted
 * @param source where the config came from and its hash, for run manifests
 */
public record PipelineConfig(URI dataRoot, URI ipRegions, int childrenUpToAge, int minDevices,
                             AnonymizationSection anonymization, AggregatesSection aggregates,
                             RetentionSection retention, ReleasesSection releases, ConsentSection consent,
                             ConfigSource source) {

    public static final String DATA_ROOT = "data_root";
    public static final String IP_REGIONS = "ip_regions";
    public static final String CHILDREN_UP_TO_AGE = "children_up_to_age";
    /** The key {@link #CHILDREN_UP_TO_AGE} replaced: its meaning was off by one year, so it is refused by name. */
    public static final String FORMER_MINIMUM_AGE = "minimum_age";
    public static final String MIN_DEVICES = "min_devices";

    public static final String DEFAULT_DATA_ROOT = "./demo-data";
    public static final String DEFAULT_IP_REGIONS = "ip-regions.csv";
    public static final int DEFAULT_CHILDREN_UP_TO_AGE = 14;
    public static final int DEFAULT_MIN_DEVICES = 10;

    /** An age limit above this is almost certainly a typo (a birth year, say), not a policy. */
    private static final int HIGHEST_CHILDREN_AGE = 120;

    public PipelineConfig {
        requireAbsolute(DATA_ROOT, dataRoot);
        requireAbsolute(IP_REGIONS, ipRegions);
        if (childrenUpToAge < 0 || childrenUpToAge > HIGHEST_CHILDREN_AGE) {
            throw ConfigException.badValue(CHILDREN_UP_TO_AGE, childrenUpToAge,
                    "must be between 0 and " + HIGHEST_CHILDREN_AGE);
        }
        // One device per cell would publish that device's own behaviour: aggregates need at least two.
        if (minDevices < 2) {
            throw ConfigException.badValue(MIN_DEVICES, minDevices, "must be at least 2");
        }
        if (anonymization == null) {
            throw new ConfigException(AnonymizationSection.KEY + ": is required");
        }
        if (aggregates == null) {
            throw new ConfigException(AggregatesSection.KEY + ": is required");
        }
        if (retention == null) {
            throw new ConfigException(RetentionSection.KEY + ": is required");
        }
        if (releases == null) {
            throw new ConfigException(ReleasesSection.KEY + ": is required");
        }
        if (consent == null) {
            throw new ConfigException(ConsentSection.KEY + ": is required");
        }
        if (source == null) {
            throw new ConfigException("config: its source (file and hash) is missing");
        }
    }

    /**
     * A config with the default contribution bounds, releases and consent that keeps every partition, as a file
     * without {@code aggregates}, {@code retention}, {@code releases} and {@code consent} sections reads.
     */
    public PipelineConfig(URI dataRoot, URI ipRegions, int childrenUpToAge, int minDevices,
                          AnonymizationSection anonymization, ConfigSource source) {
        this(dataRoot, ipRegions, childrenUpToAge, minDevices, anonymization, AggregatesSection.DEFAULTS,
                RetentionSection.KEEP_EVERYTHING, ReleasesSection.DEFAULTS, ConsentSection.DEFAULTS, source);
    }

    /** This config with the data root replaced, as {@code --data-root} does; the source hash stays the file's. */
    public PipelineConfig withDataRoot(URI root) {
        return new PipelineConfig(root, ipRegions, childrenUpToAge, minDevices, anonymization, aggregates, retention,
                releases, consent, source);
    }

    private static void requireAbsolute(String key, URI location) {
        if (location == null) {
            throw new ConfigException(key + ": is required");
        }
        if (!location.isAbsolute()) {
            throw ConfigException.badValue(key, location.toString(), "must be an absolute location (scheme:/path)");
        }
    }
}

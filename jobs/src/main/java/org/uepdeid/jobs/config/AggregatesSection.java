package org.uepdeid.jobs.config;

import java.util.List;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * The {@code aggregates} section of the pipeline config: the most one device may add to one published cell in a day.
 *
 * <p>Bounding each device's contribution keeps one heavy user from dominating a sum that is published as the
 * behaviour of many devices. Every key is optional; an absent key takes its default.
 *
 * @param maxSessionsPerDevice  app_usage: sessions of one app version
 * @param maxMinutesPerDevice   app_usage: minutes of use of one app version
 * @param maxLoginsPerDevice    login_patterns: logins in one hour of the day
 * @param maxDownloadsPerDevice download_sources: downloads from one source
 * @param privacy               differential privacy ({@code aggregates.privacy}), or exact statistics
 * @param vocabularies          the values the products may name ({@code aggregates.vocabularies}): closed domains
 */
public record AggregatesSection(int maxSessionsPerDevice, int maxMinutesPerDevice, int maxLoginsPerDevice,
                                int maxDownloadsPerDevice, PrivacySection privacy, VocabulariesSection vocabularies) {

    public static final String KEY = "aggregates";
    public static final String MAX_SESSIONS_PER_DEVICE = "max_sessions_per_device";
    public static final String MAX_MINUTES_PER_DEVICE = "max_minutes_per_device";
    public static final String MAX_LOGINS_PER_DEVICE = "max_logins_per_device";
    public static final String MAX_DOWNLOADS_PER_DEVICE = "max_downloads_per_device";

    /** A typical device opens an app a few times a day for minutes at a time; these leave normal use untouched. */
    public static final AggregatesSection DEFAULTS =
            new AggregatesSection(20, 480, 3, 10, PrivacySection.EXACT, VocabulariesSection.NONE);

    private static final List<String> KNOWN_KEYS = List.of(MAX_SESSIONS_PER_DEVICE, MAX_MINUTES_PER_DEVICE,
            MAX_LOGINS_PER_DEVICE, MAX_DOWNLOADS_PER_DEVICE, PrivacySection.KEY, VocabulariesSection.KEY);

    public AggregatesSection {
        if (privacy == null || vocabularies == null) {
            throw new ConfigException(KEY + ": " + PrivacySection.KEY + " and " + VocabulariesSection.KEY
                    + " are required");
        }
        requirePositive(MAX_SESSIONS_PER_DEVICE, maxSessionsPerDevice);
        requirePositive(MAX_MINUTES_PER_DEVICE, maxMinutesPerDevice);
        requirePositive(MAX_LOGINS_PER_DEVICE, maxLoginsPerDevice);
        requirePositive(MAX_DOWNLOADS_PER_DEVICE, maxDownloadsPerDevice);
    }

    /** Reads the section; a missing or null section is {@link #DEFAULTS}, an unknown key is refused by name. */
    static AggregatesSection read(DocumentNode section) {
        if (!section.isPresent()) {
            return DEFAULTS;
        }
        section.mapping(KNOWN_KEYS);
        return new AggregatesSection(section.wholeNumber(MAX_SESSIONS_PER_DEVICE, DEFAULTS.maxSessionsPerDevice),
                section.wholeNumber(MAX_MINUTES_PER_DEVICE, DEFAULTS.maxMinutesPerDevice),
                section.wholeNumber(MAX_LOGINS_PER_DEVICE, DEFAULTS.maxLoginsPerDevice),
                section.wholeNumber(MAX_DOWNLOADS_PER_DEVICE, DEFAULTS.maxDownloadsPerDevice),
                PrivacySection.read(section.at(PrivacySection.KEY)),
                VocabulariesSection.read(section.at(VocabulariesSection.KEY)));
    }

    /** These bounds with exact statistics and no vocabularies, as a section of only these keys reads. */
    public AggregatesSection(int maxSessionsPerDevice, int maxMinutesPerDevice, int maxLoginsPerDevice,
                             int maxDownloadsPerDevice) {
        this(maxSessionsPerDevice, maxMinutesPerDevice, maxLoginsPerDevice, maxDownloadsPerDevice,
                PrivacySection.EXACT, VocabulariesSection.NONE);
    }

    private static void requirePositive(String key, int value) {
        // Zero would publish cells whose sums are always zero: certainly a mistake, not a policy.
        if (value < 1) {
            throw ConfigException.badValue(KEY + "." + key, value, "must be at least 1");
        }
    }
}

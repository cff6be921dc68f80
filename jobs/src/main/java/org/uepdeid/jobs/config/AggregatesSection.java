package org.uepdeid.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

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
 */
public record AggregatesSection(int maxSessionsPerDevice, int maxMinutesPerDevice, int maxLoginsPerDevice,
                                int maxDownloadsPerDevice) {

    public static final String KEY = "aggregates";
    public static final String MAX_SESSIONS_PER_DEVICE = "max_sessions_per_device";
    public static final String MAX_MINUTES_PER_DEVICE = "max_minutes_per_device";
    public static final String MAX_LOGINS_PER_DEVICE = "max_logins_per_device";
    public static final String MAX_DOWNLOADS_PER_DEVICE = "max_downloads_per_device";

    /** A typical device opens an app a few times a day for minutes at a time; these leave normal use untouched. */
    public static final AggregatesSection DEFAULTS = new AggregatesSection(20, 480, 3, 10);

    private static final List<String> KNOWN_KEYS = List.of(MAX_SESSIONS_PER_DEVICE, MAX_MINUTES_PER_DEVICE,
            MAX_LOGINS_PER_DEVICE, MAX_DOWNLOADS_PER_DEVICE);

    public AggregatesSection {
        requirePositive(MAX_SESSIONS_PER_DEVICE, maxSessionsPerDevice);
        requirePositive(MAX_MINUTES_PER_DEVICE, maxMinutesPerDevice);
        requirePositive(MAX_LOGINS_PER_DEVICE, maxLoginsPerDevice);
        requirePositive(MAX_DOWNLOADS_PER_DEVICE, maxDownloadsPerDevice);
    }

    /** Reads the section; a missing or null section is {@link #DEFAULTS}, an unknown key is refused by name. */
    static AggregatesSection read(JsonNode section) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return DEFAULTS;
        }
        if (!section.isObject()) {
            throw ConfigException.badValue(KEY, section, "must be a mapping of " + String.join(", ", KNOWN_KEYS));
        }
        for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_KEYS.contains(name)) {
                throw new ConfigException(KEY + "." + name + ": unknown key; known keys are "
                        + String.join(", ", KNOWN_KEYS));
            }
        }
        return new AggregatesSection(
                bound(section, MAX_SESSIONS_PER_DEVICE, DEFAULTS.maxSessionsPerDevice),
                bound(section, MAX_MINUTES_PER_DEVICE, DEFAULTS.maxMinutesPerDevice),
                bound(section, MAX_LOGINS_PER_DEVICE, DEFAULTS.maxLoginsPerDevice),
                bound(section, MAX_DOWNLOADS_PER_DEVICE, DEFAULTS.maxDownloadsPerDevice));
    }

    private static int bound(JsonNode section, String key, int defaultValue) {
        JsonNode node = section.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ConfigException.badValue(KEY + "." + key, node, "must be a whole number");
        }
        return node.intValue();
    }

    private static void requirePositive(String key, int value) {
        // Zero would publish cells whose sums are always zero: certainly a mistake, not a policy.
        if (value < 1) {
            throw ConfigException.badValue(KEY + "." + key, value, "must be at least 1");
        }
    }
}

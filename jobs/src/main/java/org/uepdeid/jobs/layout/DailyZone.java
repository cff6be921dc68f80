package org.uepdeid.jobs.layout;

import java.util.Arrays;
import java.util.List;

/**
 * A zone partitioned by day ({@code dt=YYYY-MM-DD}), by its folder under the data root.
 *
 * <p>The statistics products are daily zones too, but their number follows the config, so they are reached through
 * {@link DataRoot#publishedStatsZone(String)} instead of a constant here.
 */
public enum DailyZone {
    LANDING("landing"),
    STAGING_EVENTS("staging/events"),
    STAGING_PROFILES("staging/profiles"),
    STAGING_CLASSES("staging/classes"),
    QUARANTINE("quarantine"),
    /** Nested inside {@link #QUARANTINE}: that zone's partitions are only its own {@code dt=} children. */
    ANONYMIZE_QUARANTINE("quarantine/anonymize"),
    PUBLISHED_DEVICE_PROFILES("published/microdata/device_profiles"),
    REPORTS("reports");

    private final String folder;

    DailyZone(String folder) {
        this.folder = folder;
    }

    /** The zone's folder relative to the data root, e.g. {@code staging/events}; also its name in messages. */
    public String folder() {
        return folder;
    }

    /**
     * The names of the zones directly inside the zone folder {@code folder} ({@code anonymize} inside
     * {@code quarantine}): entries of that folder that are zones of their own, not its partitions nor strays.
     */
    public static List<String> nestedIn(String folder) {
        String prefix = folder + "/";
        return Arrays.stream(values()).map(DailyZone::folder).filter(f -> f.startsWith(prefix))
                .map(f -> f.substring(prefix.length())).filter(name -> !name.contains("/")).toList();
    }
}

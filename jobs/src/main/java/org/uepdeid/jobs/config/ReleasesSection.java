package org.uepdeid.jobs.config;

import java.time.Duration;
import java.util.List;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.jobs.release.Audience;

/**
 * The {@code releases} section of the pipeline config: who receives the microdata, and when a data root's lock counts
 * as abandoned.
 *
 * @param microdataAudience who may receive the per-device microdata: {@code internal} unless the operator writes
 *                          otherwise (policy Part I §3.2 shares statistical products with affiliates, not records)
 * @param lockStaleAfter    a lock whose holder has not renewed it for this long was left by a dead process
 */
public record ReleasesSection(Audience microdataAudience, Duration lockStaleAfter) {

    public static final String KEY = "releases";
    public static final String MICRODATA_AUDIENCE = "microdata_audience";
    public static final String LOCK_STALE_AFTER_MINUTES = "lock_stale_after_minutes";
    public static final int DEFAULT_LOCK_STALE_AFTER_MINUTES = 10;
    public static final ReleasesSection DEFAULTS =
            new ReleasesSection(Audience.INTERNAL, Duration.ofMinutes(DEFAULT_LOCK_STALE_AFTER_MINUTES));

    private static final List<String> KNOWN_KEYS = List.of(MICRODATA_AUDIENCE, LOCK_STALE_AFTER_MINUTES);

    public ReleasesSection {
        if (microdataAudience == null) {
            throw new ConfigException(KEY + "." + MICRODATA_AUDIENCE + ": is required");
        }
        if (lockStaleAfter == null || lockStaleAfter.toMinutes() < 1) {
            throw ConfigException.badValue(KEY + "." + LOCK_STALE_AFTER_MINUTES,
                    lockStaleAfter == null ? null : lockStaleAfter.toMinutes(), "must be at least 1 minute");
        }
    }

    /** Reads the section; a missing or null section is {@link #DEFAULTS}, an unknown key is refused by name. */
    static ReleasesSection read(DocumentNode section) {
        if (!section.isPresent()) {
            return DEFAULTS;
        }
        section.mapping(KNOWN_KEYS);
        DocumentNode word = section.at(MICRODATA_AUDIENCE);
        Audience audience = word.isPresent() ? Audience.read(word) : Audience.INTERNAL;
        return new ReleasesSection(audience, Duration.ofMinutes(section.wholeNumber(LOCK_STALE_AFTER_MINUTES,
                DEFAULT_LOCK_STALE_AFTER_MINUTES)));
    }
}

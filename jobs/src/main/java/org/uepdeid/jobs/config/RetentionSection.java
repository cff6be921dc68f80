package org.uepdeid.jobs.config;

import java.util.List;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * The {@code retention} section of the pipeline config: how many days each group of zones keeps its day partitions.
 *
 * <p>0 means keep forever, and so does an absent key or section: deleting data must be asked for, never a default
 * the operator did not write down.
 *
 * @param landingDays    {@code landing/}: raw uploads, the most sensitive data held
 * @param stagingDays    {@code staging/events}, {@code staging/profiles}, {@code staging/classes}
 * @param quarantineDays {@code quarantine/} and {@code quarantine/anonymize}
 * @param publishedDays  {@code published/microdata/device_profiles} and every {@code published/stats/<product>}
 * @param reportsDays    {@code reports/}
 */
public record RetentionSection(int landingDays, int stagingDays, int quarantineDays, int publishedDays,
                               int reportsDays) {

    public static final String KEY = "retention";
    public static final String LANDING_DAYS = "landing_days";
    public static final String STAGING_DAYS = "staging_days";
    public static final String QUARANTINE_DAYS = "quarantine_days";
    public static final String PUBLISHED_DAYS = "published_days";
    public static final String REPORTS_DAYS = "reports_days";

    /** A period of 0 days: the zone keeps every partition. */
    public static final int FOREVER = 0;
    public static final RetentionSection KEEP_EVERYTHING =
            new RetentionSection(FOREVER, FOREVER, FOREVER, FOREVER, FOREVER);

    private static final List<String> KNOWN_KEYS =
            List.of(LANDING_DAYS, STAGING_DAYS, QUARANTINE_DAYS, PUBLISHED_DAYS, REPORTS_DAYS);

    public RetentionSection {
        requireDays(LANDING_DAYS, landingDays);
        requireDays(STAGING_DAYS, stagingDays);
        requireDays(QUARANTINE_DAYS, quarantineDays);
        requireDays(PUBLISHED_DAYS, publishedDays);
        requireDays(REPORTS_DAYS, reportsDays);
    }

    /** Reads the section; a missing or null section keeps everything, an unknown key is refused by name. */
    static RetentionSection read(DocumentNode section) {
        if (!section.isPresent()) {
            return KEEP_EVERYTHING;
        }
        section.mapping(KNOWN_KEYS);
        return new RetentionSection(section.wholeNumber(LANDING_DAYS, FOREVER),
                section.wholeNumber(STAGING_DAYS, FOREVER), section.wholeNumber(QUARANTINE_DAYS, FOREVER),
                section.wholeNumber(PUBLISHED_DAYS, FOREVER), section.wholeNumber(REPORTS_DAYS, FOREVER));
    }

    private static void requireDays(String key, int days) {
        if (days < 0) {
            throw ConfigException.badValue(KEY + "." + key, days, "must be 0 (keep forever) or more days");
        }
    }
}

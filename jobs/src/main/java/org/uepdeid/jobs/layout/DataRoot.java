package org.uepdeid.jobs.layout;

import java.net.URI;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * The zones under the data root (ARCHITECTURE.md, "Zones"), on any Hadoop file system or a local folder.
 *
 * <p>Daily zones are partitioned as {@code dt=YYYY-MM-DD}, the layout Spark's partition discovery reads back as a
 * {@code dt} column when a whole zone is read.
 */
public record DataRoot(URI root) {

    /** Product names become folder names: plain snake case only, so no name can climb out of its zone. */
    private static final Pattern PRODUCT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public DataRoot {
        if (root == null || !root.isAbsolute()) {
            throw new IllegalArgumentException("data root must be an absolute location (scheme:/path), got " + root);
        }
    }

    public Path path() {
        // From the text, not the URI: Hadoop then drops a trailing slash, so child paths never hold "//".
        return new Path(root.toString());
    }

    /** Raw uploads of a day: {@code landing/dt=D}. */
    public Path landing(LocalDate date) {
        return daily(DailyZone.LANDING, date);
    }

    /** Accepted, pseudonymized events of a day: {@code staging/events/dt=D}. */
    public Path stagingEvents(LocalDate date) {
        return daily(DailyZone.STAGING_EVENTS, date);
    }

    /** One row per device and day: {@code staging/profiles/dt=D}. */
    public Path stagingProfiles(LocalDate date) {
        return daily(DailyZone.STAGING_PROFILES, date);
    }

    /**
     * Each device's anonymized class (internal: keyed by pseudonym): {@code staging/classes/dt=D} with
     * {@code device_pseudonym}, one column per quasi-identifier holding its generalized label ({@code *} when the
     * device is suppressed), and {@code suppressed}. The aggregate job takes its dimensions from here.
     */
    public Path stagingClasses(LocalDate date) {
        return daily(DailyZone.STAGING_CLASSES, date);
    }

    /** Devices the anonymize job could not place in a hierarchy, with the attribute and reason. */
    public Path anonymizeQuarantine(LocalDate date) {
        return daily(DailyZone.ANONYMIZE_QUARANTINE, date);
    }

    /** Lines ingest refused, with their reason: {@code quarantine/dt=D}. */
    public Path quarantine(LocalDate date) {
        return daily(DailyZone.QUARANTINE, date);
    }

    /** Anonymized per-device microdata: {@code published/microdata/device_profiles/dt=D}. */
    public Path publishedDeviceProfiles(LocalDate date) {
        return daily(DailyZone.PUBLISHED_DEVICE_PROFILES, date);
    }

    /** Aggregate statistics of one product: {@code published/stats/<product>/dt=D}. */
    public Path publishedStats(String product, LocalDate date) {
        return daily(publishedStatsZone(product), "published/stats/" + product, date);
    }

    /** The folder of a daily zone, holding its {@code dt=} partitions. */
    public Path zone(DailyZone zone) {
        return new Path(path(), zone.folder());
    }

    /** The folder holding one folder per statistics product: {@code published/stats}. */
    public Path publishedStats() {
        return new Path(path(), "published/stats");
    }

    /** The daily zone of one statistics product: {@code published/stats/<product>}. */
    public Path publishedStatsZone(String product) {
        if (!isProductName(product)) {
            throw new IllegalArgumentException("stats product name must be snake case ([a-z][a-z0-9_]*), got \""
                    + product + "\"");
        }
        return new Path(publishedStats(), product);
    }

    /** Whether {@code name} may be a statistics product's folder. */
    public static boolean isProductName(String name) {
        return name != null && PRODUCT_NAME.matcher(name).matches();
    }

    /** A ledger keyed by pseudonym: {@code ledger/<name>} ({@code erasure}, {@code children}, {@code consent}). */
    public Path ledger(String name) {
        return new Path(path(), "ledger/" + name);
    }

    /** Erasure requests, keyed by pseudonym: {@code ledger/erasure}. */
    public Path erasureLedger() {
        return ledger("erasure");
    }

    /** The differential-privacy budget's charges, one document per release: {@code ledger/privacy_budget}. */
    public Path privacyBudgetLedger() {
        return new Path(path(), "ledger/privacy_budget");
    }

    /** Compliance reports of a day: {@code reports/dt=D}. */
    public Path reports(LocalDate date) {
        return daily(DailyZone.REPORTS, date);
    }

    private Path daily(DailyZone zone, LocalDate date) {
        return daily(zone(zone), zone.folder(), date);
    }

    private static Path daily(Path zone, String name, LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("the date of a " + name + " partition is missing");
        }
        return new Path(zone, DayPartition.folderName(date));
    }
}

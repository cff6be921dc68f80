package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.ProductNames;
import org.uepdeid.jobs.staging.EventType;
import org.uepdeid.jobs.staging.StagingEvents;

/** The published statistics products, in publication order, and how each turns staging rows into contributions. */
final class StatsProducts {


    /** Profile settings with one value per device, published as (setting, value). */
    private static final List<String> SCALAR_SETTINGS =
            List.of("theme", "power_mode", "launcher_mode", "sound_theme", "wallpaper_category");
    /** Profile settings that are maps (clients choose the keys), published as ("dock.position", value) and so on. */
    private static final List<String> MAP_SETTINGS = List.of("dock", "hot_corners", "mouse");
    /** How long ago a device's system was last updated, in ranges (the last one open). */
    private static final List<Integer> UPDATE_AGE_DAYS = List.of(7, 30, 90, 365);

    private static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> HOURS =
            IntStream.range(0, 24).mapToObj(h -> String.format(Locale.ROOT, "%02d", h)).toList();
    private static final long SECONDS_PER_DAY = 86_400;
    /** 1970-01-01, epoch day 0, was a Thursday: index 3 from Monday. */
    private static final int EPOCH_WEEKDAY = 3;

    private StatsProducts() {
    }

    /** All products, the summing ones bounded as {@code bounds} says. */
    static List<StatsProduct> all(AggregatesSection bounds) {
        return List.of(
                fromClasses(ProductNames.OS_ADOPTION, "Devices by operating system version, edition and region",
                        List.of("os_version", "edition", "region")),
                fromClasses(ProductNames.HARDWARE_LANDSCAPE, "Devices by CPU family, memory and total disk size",
                        List.of("cpu_family", "memory_mb", "disk_total_gb")),
                appUsage(bounds),
                loginPatterns(bounds),
                downloadSources(bounds),
                settingsPopularity(),
                fromProfiles(ProductNames.BOARDS_AND_BIOS, "Devices by board vendor, BIOS vendor and BIOS release year",
                        List.of("board_vendor", "bios_vendor", "bios_year"),
                        List.of(col("board_vendor"), col("bios_vendor"), year(col("bios_date")))),
                fromProfiles(ProductNames.STORAGE_LAYOUT, "Devices by partition count and the file systems they use",
                        List.of("partition_count", "file_systems"),
                        List.of(col("partition_count"), nullif(col("partition_fs_types"), lit("")))),
                fromProfiles(ProductNames.NETWORK_CARDS, "Devices by the vendors of their network cards",
                        List.of("nic_vendors"), List.of(nullif(col("nic_vendors"), lit("")))),
                fromProfiles(ProductNames.KERNEL_VERSIONS, "Devices by kernel version", List.of("kernel"),
                        List.of(col("kernel"))),
                updateRecency());
    }

    /**
     * A device count over one label tuple per profile (one row per device). Multi-valued hardware (file systems,
     * network card vendors) is one label, the distinct values sorted and joined, so each device is in one cell.
     */
    private static StatsProduct fromProfiles(String name, String description, List<String> dimensions,
                                             List<Column> values) {
        return new StatsProduct(name, description, StagingInput.PROFILES, dimensions, List.of(), List.of(),
                CellDomain.OPEN, profiles -> {
                    List<Column> columns = new ArrayList<>();
                    columns.add(col(StagingEvents.DEVICE_PSEUDONYM));
                    for (int i = 0; i < dimensions.size(); i++) {
                        columns.add(values.get(i).cast("string").as(dimensions.get(i)));
                    }
                    return profiles.select(columns.toArray(Column[]::new));
                });
    }

    /**
     * Devices by OS version and how many days before the event's local day the system was last updated, in ranges
     * ({@code 0-7}, {@code 8-30}, {@code 31-90}, {@code 91-365}, {@code >365}; {@code *} unknown or in the future).
     * Read from the day's device_profile events, which carry the event's own date.
     */
    private static StatsProduct updateRecency() {
        // Epoch days on both sides, so the session's time zone plays no part.
        Column age = floor(localSeconds().divide(SECONDS_PER_DAY))
                .minus(expr("unix_date(" + StagingEvents.SYSTEM + ".last_update)"));
        int from = 0;
        Column bucket = null;
        for (int upTo : UPDATE_AGE_DAYS) {
            Column in = age.between(from, upTo);
            String label = from + "-" + upTo;
            bucket = bucket == null ? when(in, label) : bucket.when(in, label);
            from = upTo + 1;
        }
        Column days = bucket.when(age.gt(from - 1), ">" + (from - 1));
        return new StatsProduct(ProductNames.UPDATE_RECENCY,
                "Devices by operating system version and days since the last system update",
                StagingInput.EVENTS, List.of("os_version", "days_since_update"), List.of(), List.of(), CellDomain.OPEN,
                events -> ofType(events, EventType.DEVICE_PROFILE).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        col(StagingEvents.SYSTEM + ".os_version").as("os_version"), days.as("days_since_update")));
    }

    /**
     * A device count over the anonymized classes: the labels are the generalized ones, never raw values. Only a device
     * flagged as not suppressed shows its labels; any other counts under {@code *} whatever its row says, so a label
     * the anonymization withheld cannot reach a published cell.
     */
    private static StatsProduct fromClasses(String name, String description, List<String> dimensions) {
        // The labels' domain is what the hierarchies build for the day's values: not public, so selected privately.
        return new StatsProduct(name, description, StagingInput.CLASSES, dimensions, List.of(), List.of(),
                CellDomain.OPEN, classes -> {
                    List<Column> columns = new ArrayList<>();
                    columns.add(col(StagingEvents.DEVICE_PSEUDONYM));
                    dimensions.forEach(d -> columns.add(when(col(StagingInput.SUPPRESSED).equalTo(false),
                            col(d).cast("string")).otherwise(lit(CellSuppression.NOT_DISCLOSED)).as(d)));
                    return classes.select(columns.toArray(Column[]::new));
                });
    }

    private static StatsProduct appUsage(AggregatesSection bounds) {
        return new StatsProduct(ProductNames.APP_USAGE, "Active devices, sessions and minutes of use by app and version",
                StagingInput.EVENTS, List.of("app_id", "app_version"),
                List.of(Measure.count("sessions", bounds.maxSessionsPerDevice()),
                        Measure.minutesFromSeconds("usage_minutes", bounds.maxMinutesPerDevice())),
                List.of(), CellDomain.OPEN,
                events -> ofType(events, EventType.APP_SESSION).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        col("app.id").as("app_id"), col("app.version").as("app_version"), lit(1L).as("sessions"),
                        col("app.duration_seconds").as("usage_minutes")));
    }

    /**
     * Logins by weekday and hour of the user's local day. Both come from epoch seconds shifted by the event's own
     * offset, so the result does not depend on the Spark session's or the cluster's time zone.
     */
    private static StatsProduct loginPatterns(AggregatesSection bounds) {
        Column localSeconds = localSeconds();
        Column localDay = floor(localSeconds.divide(SECONDS_PER_DAY));
        Column weekday = element_at(array(WEEKDAYS.stream().map(w -> lit(w)).toArray(Column[]::new)),
                pmod(localDay.plus(EPOCH_WEEKDAY), lit(7)).plus(1).cast("int"));
        Column hour = lpad(floor(pmod(localSeconds, lit(SECONDS_PER_DAY)).divide(3600)).cast("string"), 2, "0");
        return new StatsProduct(ProductNames.LOGIN_PATTERNS, "Logins and devices by weekday and hour of the local day",
                StagingInput.EVENTS, List.of("weekday", "hour_of_day"),
                List.of(Measure.count("logins", bounds.maxLoginsPerDevice())), List.of(),
                CellDomain.product(List.of(WEEKDAYS, HOURS)),
                events -> ofType(events, EventType.LOGIN).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        weekday.as("weekday"), hour.as("hour_of_day"), lit(1L).as("logins")));
    }

    private static StatsProduct downloadSources(AggregatesSection bounds) {
        return new StatsProduct(ProductNames.DOWNLOAD_SOURCES, "Downloads and devices by download source",
                StagingInput.EVENTS, List.of("source"),
                List.of(Measure.count("downloads", bounds.maxDownloadsPerDevice())), List.of(),
                CellDomain.product(List.of(StagingEvents.DOWNLOAD_SOURCES)),
                events -> ofType(events, EventType.DOWNLOAD).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        col("download.source").as("source"), lit(1L).as("downloads")));
    }

    /**
     * Devices by (setting, value). No vocabulary of settings is configured, so under differential privacy every
     * (setting, value) cell is selected privately. Each device has one value per scalar setting (unset counts as {@code *}), so a
     * setting's cells add up to the number of profiles: each setting is its own margin.
     */
    private static StatsProduct settingsPopularity() {
        return new StatsProduct(ProductNames.SETTINGS_POPULARITY, "Devices by setting and value, from the day's profiles",
                StagingInput.PROFILES, List.of("setting", "value"), List.of(), List.of("setting"),
                CellDomain.OPEN, profiles -> {
                    Column scalars = array(SCALAR_SETTINGS.stream()
                            .map(s -> struct(lit(s).as("setting"), col(s).cast("string").as("value")))
                            .toArray(Column[]::new));
                    Dataset<Row> settings = profiles
                            .select(col(StagingEvents.DEVICE_PSEUDONYM), explode(scalars).as("entry"))
                            .select(col(StagingEvents.DEVICE_PSEUDONYM), col("entry.setting"), col("entry.value"));
                    for (String map : MAP_SETTINGS) {
                        settings = settings.unionByName(profiles
                                .select(col(StagingEvents.DEVICE_PSEUDONYM), explode(col(map)))
                                .select(col(StagingEvents.DEVICE_PSEUDONYM),
                                        concat(lit(map + "."), col("key")).as("setting"), col("value")));
                    }
                    return settings;
                });
    }

    /** An event's time as seconds of its own local clock, by its offset: a day that is the user's day. */
    private static Column localSeconds() {
        return col(StagingEvents.TS).cast("long").plus(col(StagingEvents.TS_OFFSET_MINUTES).cast("long").multiply(60));
    }

    private static Dataset<Row> ofType(Dataset<Row> events, EventType type) {
        return events.filter(col(StagingEvents.EVENT_TYPE).equalTo(type.code()));
    }
}

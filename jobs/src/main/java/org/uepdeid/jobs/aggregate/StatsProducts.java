package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
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
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.ProductNames;
import org.uepdeid.jobs.config.VocabulariesSection;
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

    /** All products as {@link #all(AggregatesSection, ClassLabels)}, no class label known. */
    static List<StatsProduct> all(AggregatesSection aggregates) {
        return all(aggregates, ClassLabels.UNKNOWN);
    }

    /**
     * All products, the summing ones bounded as {@code aggregates} says, over its vocabularies and, for the products
     * over anonymized classes, the labels of the day's levels.
     */
    static List<StatsProduct> all(AggregatesSection aggregates, ClassLabels classLabels) {
        VocabulariesSection vocabularies = aggregates.vocabularies();
        return List.of(
                fromClasses(ProductNames.OS_ADOPTION, "Devices by operating system version, edition and region",
                        List.of("os_version", "edition", "region"), classLabels),
                fromClasses(ProductNames.HARDWARE_LANDSCAPE, "Devices by CPU family, memory and total disk size",
                        List.of("cpu_family", "memory_mb", "disk_total_gb"), classLabels),
                appUsage(aggregates),
                loginPatterns(aggregates),
                downloadSources(aggregates),
                settingsPopularity(vocabularies),
                fromProfiles(ProductNames.BOARDS_AND_BIOS, "Devices by board vendor, BIOS vendor and BIOS release year",
                        List.of(Labelled.named("board_vendor", col("board_vendor"),
                                        vocabularies.of(VocabulariesSection.BOARD_VENDOR)),
                                Labelled.named("bios_vendor", col("bios_vendor"),
                                        vocabularies.of(VocabulariesSection.BIOS_VENDOR)),
                                Labelled.named("bios_year", year(col("bios_date")),
                                        vocabularies.of(VocabulariesSection.BIOS_YEAR)))),
                fromProfiles(ProductNames.STORAGE_LAYOUT, "Devices by partition count and the file systems they use",
                        List.of(Labelled.named("partition_count", col("partition_count"),
                                        vocabularies.of(VocabulariesSection.PARTITION_COUNT)),
                                Labelled.sets("file_systems", col("partition_fs_types"),
                                        vocabularies.of(VocabulariesSection.FILE_SYSTEM)))),
                fromProfiles(ProductNames.NETWORK_CARDS, "Devices by the vendors of their network cards",
                        List.of(Labelled.sets("nic_vendors", col("nic_vendors"),
                                vocabularies.of(VocabulariesSection.NIC_VENDOR)))),
                fromProfiles(ProductNames.KERNEL_VERSIONS, "Devices by kernel version",
                        List.of(Labelled.named("kernel", col("kernel"), vocabularies.of(VocabulariesSection.KERNEL)))),
                updateRecency(vocabularies));
    }

    /**
     * A dimension of a profile or event product: its label and, when a vocabulary fixes them, every label it can take.
     *
     * @param dimension the published column
     * @param label     the label of a row, within the vocabulary (anything else {@value VocabulariesSection#OTHER})
     * @param labels    every label it can take, if known without the data
     */
    private record Labelled(String dimension, Column label, Optional<List<String>> labels) {

        /** A single value, mapped into its vocabulary if it has one. */
        static Labelled named(String dimension, Column value, Optional<List<String>> vocabulary) {
            Column text = value.cast("string");
            return new Labelled(dimension, vocabulary.map(v -> within(text, v)).orElse(text),
                    vocabulary.map(CellDomain::labels));
        }

        /**
         * A set of values, distinct, sorted and comma-joined as the profiles hold it (empty: none), each member mapped
         * into the vocabulary if it has one: a device is in the one cell of its set.
         */
        static Labelled sets(String dimension, Column joined, Optional<List<String>> vocabulary) {
            Column set = nullif(joined, lit(""));
            Column label = vocabulary.map(v -> array_join(array_sort(array_distinct(
                    transform(split(set, ","), member -> within(member, v)))), ",")).orElse(set);
            return new Labelled(dimension, label, vocabulary.map(CellDomain::subsetLabels));
        }

        static Column within(Column value, List<String> vocabulary) {
            return when(value.isNull(), lit(null).cast("string"))
                    .when(value.isin(vocabulary.toArray()), value).otherwise(lit(VocabulariesSection.OTHER));
        }
    }

    /** The closed domain of {@code dimensions} when every one has its labels fixed; open otherwise. */
    private static CellDomain domain(String product, List<Labelled> dimensions) {
        if (dimensions.stream().anyMatch(d -> d.labels().isEmpty())) {
            return CellDomain.OPEN;
        }
        return CellDomain.closed(product, dimensions.stream().map(d -> d.labels().orElseThrow()).toList());
    }

    /**
     * A device count over one label tuple per profile (one row per device). Multi-valued hardware (file systems,
     * network card vendors) is one label, the distinct values sorted and joined, so each device is in one cell.
     */
    private static StatsProduct fromProfiles(String name, String description, List<Labelled> dimensions) {
        return new StatsProduct(name, description, StagingInput.PROFILES,
                dimensions.stream().map(Labelled::dimension).toList(), List.of(), List.of(), domain(name, dimensions),
                profiles -> {
                    List<Column> columns = new ArrayList<>();
                    columns.add(col(StagingEvents.DEVICE_PSEUDONYM));
                    dimensions.forEach(d -> columns.add(d.label().as(d.dimension())));
                    return profiles.select(columns.toArray(Column[]::new));
                });
    }

    /**
     * Devices by OS version and how many days before the event's local day the system was last updated, in ranges
     * ({@code 0-7}, {@code 8-30}, {@code 31-90}, {@code 91-365}, {@code >365}; {@code *} unknown or in the future).
     * Read from the day's device_profile events, which carry the event's own date.
     */
    private static StatsProduct updateRecency(VocabulariesSection vocabularies) {
        // Epoch days on both sides, so the session's time zone plays no part.
        Column age = floor(localSeconds().divide(SECONDS_PER_DAY))
                .minus(expr("unix_date(" + StagingEvents.SYSTEM + ".last_update)"));
        int from = 0;
        Column bucket = null;
        List<String> buckets = new ArrayList<>();
        for (int upTo : UPDATE_AGE_DAYS) {
            Column in = age.between(from, upTo);
            String label = from + "-" + upTo;
            buckets.add(label);
            bucket = bucket == null ? when(in, label) : bucket.when(in, label);
            from = upTo + 1;
        }
        String longer = ">" + (from - 1);
        buckets.add(longer);
        buckets.add(VocabulariesSection.NOT_DISCLOSED);
        List<Labelled> dimensions = List.of(
                Labelled.named("os_version", col(StagingEvents.SYSTEM + ".os_version"),
                        vocabularies.of(VocabulariesSection.OS_VERSION)),
                new Labelled("days_since_update", bucket.when(age.gt(from - 1), longer), Optional.of(buckets)));
        return new StatsProduct(ProductNames.UPDATE_RECENCY,
                "Devices by operating system version and days since the last system update",
                StagingInput.EVENTS, dimensions.stream().map(Labelled::dimension).toList(), List.of(), List.of(),
                domain(ProductNames.UPDATE_RECENCY, dimensions),
                events -> ofType(events, EventType.DEVICE_PROFILE).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        dimensions.get(0).label().as("os_version"), dimensions.get(1).label().as("days_since_update")));
    }

    /**
     * A device count over the anonymized classes: the labels are the generalized ones, never raw values. Only a device
     * flagged as not suppressed shows its labels; any other counts under {@code *} whatever its row says, so a label
     * the anonymization withheld cannot reach a published cell. When every dimension's labels are known
     * ({@link ClassLabels}) the product is a closed domain, unless that is more than
     * {@link CellDomain#MAX_PUBLIC_CELLS} cells at the day's levels: then, as when any is unknown, its cells are
     * selected privately.
     */
    private static StatsProduct fromClasses(String name, String description, List<String> dimensions,
                                            ClassLabels classLabels) {
        List<Labelled> labelled = dimensions.stream().map(d -> {
            Column label = col(d).cast("string");
            Optional<List<String>> labels = classLabels.of(d);
            return new Labelled(d, when(col(StagingInput.SUPPRESSED).equalTo(false),
                    labels.map(l -> Labelled.within(label, l)).orElse(label))
                    .otherwise(lit(CellSuppression.NOT_DISCLOSED)), labels);
        }).toList();
        // The levels are the day's, not the config's: a domain too large is selected privately, not a config error.
        boolean known = labelled.stream().allMatch(d -> d.labels().isPresent());
        CellDomain domain = known && CellDomain.size(labelled.stream().map(d -> d.labels().orElseThrow()).toList())
                <= CellDomain.MAX_PUBLIC_CELLS ? domain(name, labelled) : CellDomain.OPEN;
        return new StatsProduct(name, description, StagingInput.CLASSES, dimensions, List.of(), List.of(), domain,
                classes -> {
                    List<Column> columns = new ArrayList<>();
                    columns.add(col(StagingEvents.DEVICE_PSEUDONYM));
                    labelled.forEach(d -> columns.add(d.label().as(d.dimension())));
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
                CellDomain.closed(ProductNames.LOGIN_PATTERNS, List.of(WEEKDAYS, HOURS)),
                events -> ofType(events, EventType.LOGIN).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        weekday.as("weekday"), hour.as("hour_of_day"), lit(1L).as("logins")));
    }

    private static StatsProduct downloadSources(AggregatesSection bounds) {
        return new StatsProduct(ProductNames.DOWNLOAD_SOURCES, "Downloads and devices by download source",
                StagingInput.EVENTS, List.of("source"),
                List.of(Measure.count("downloads", bounds.maxDownloadsPerDevice())), List.of(),
                CellDomain.closed(ProductNames.DOWNLOAD_SOURCES, List.of(StagingEvents.DOWNLOAD_SOURCES)),
                events -> ofType(events, EventType.DOWNLOAD).select(col(StagingEvents.DEVICE_PSEUDONYM),
                        col("download.source").as("source"), lit(1L).as("downloads")));
    }

    /**
     * Devices by (setting, value). Each device has one value per scalar setting (unset counts as {@code *}), so a
     * setting's cells add up to the number of profiles: each setting is its own margin. Under differential privacy a
     * setting of the configured vocabulary is closed: its values, {@value VocabulariesSection#OTHER} for any other
     * value and, for a scalar setting, {@code *} are public cells. Any setting the vocabulary does not list (clients
     * choose the keys of the map settings) is selected privately.
     */
    private static StatsProduct settingsPopularity(VocabulariesSection vocabularies) {
        List<List<String>> publicCells = new ArrayList<>();
        Column value = col("value");
        Column within = value;
        for (Map.Entry<String, List<String>> setting : vocabularies.settings().entrySet()) {
            setting.getValue().forEach(v -> publicCells.add(List.of(setting.getKey(), v)));
            publicCells.add(List.of(setting.getKey(), VocabulariesSection.OTHER));
            if (SCALAR_SETTINGS.contains(setting.getKey())) {
                publicCells.add(List.of(setting.getKey(), VocabulariesSection.NOT_DISCLOSED));
            }
            within = when(col("setting").equalTo(setting.getKey()), Labelled.within(value, setting.getValue()))
                    .otherwise(within);
        }
        Column label = within;
        return new StatsProduct(ProductNames.SETTINGS_POPULARITY, "Devices by setting and value, from the day's profiles",
                StagingInput.PROFILES, List.of("setting", "value"), List.of(), List.of("setting"),
                publicCells.isEmpty() ? CellDomain.OPEN : CellDomain.mixed(publicCells), profiles -> {
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
                    return settings.withColumn("value", label);
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

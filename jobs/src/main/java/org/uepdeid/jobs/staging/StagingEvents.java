package org.uepdeid.jobs.ingest;

import static org.uepdeid.jobs.ingest.FieldReader.date;
import static org.uepdeid.jobs.ingest.FieldReader.mountPoint;
import static org.uepdeid.jobs.ingest.FieldReader.nonNegativeDouble;
import static org.uepdeid.jobs.ingest.FieldReader.oneOf;
import static org.uepdeid.jobs.ingest.FieldReader.positiveInt;
import static org.uepdeid.jobs.ingest.FieldReader.positiveLong;
import static org.uepdeid.jobs.ingest.FieldReader.required;
import static org.uepdeid.jobs.ingest.FieldReader.settings;
import static org.uepdeid.jobs.ingest.FieldReader.structArray;
import static org.uepdeid.jobs.ingest.FieldReader.text;
import static org.uepdeid.jobs.ingest.FieldReader.timestamp;
import static org.uepdeid.jobs.ingest.FieldReader.wallpaperCategory;
import static org.uepdeid.jobs.ingest.StructReader.column;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.ledger.Ledger;

/**
 * The schema of {@code staging/events}: one row per accepted event, the envelope flat, each event type's payload in
 * a struct that is null for the other types.
 *
 * <p>It is a whitelist: a field not listed here never reaches staging, whatever a client sends. The direct
 * identifiers (device id, IP, serials, MACs, host and user names) are therefore absent by construction, the device
 * id replaced by {@code device_pseudonym}, the IP by {@code region} and {@code ip_prefix}, the wallpaper path by its
 * category.
 */
public final class StagingEvents {

    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String SCHEMA_VERSION = "schema";
    public static final String DEVICE_PSEUDONYM = Ledger.DEVICE_PSEUDONYM;
    public static final String TS = "ts";
    public static final String TS_OFFSET_MINUTES = "ts_offset_minutes";
    public static final String CONSENT_VERSION = "consent_version";
    public static final String BIRTH_YEAR = "birth_year";
    public static final String REGION = "region";
    public static final String IP_PREFIX = "ip_prefix";
    /** The download sources a line may name: a closed domain, which download_sources publishes whole. */
    public static final List<String> DOWNLOAD_SOURCES = List.of("app-store", "browser", "cli", "other");
    public static final String DEVICE = "device";
    public static final String SYSTEM = "system";
    public static final String APP = "app";
    public static final String DOWNLOAD = "download";

    /** An app session longer than this is a clock or client bug, not usage. */
    static final Duration MAX_SESSION = Duration.ofHours(24);

    static final StructReader DISK = new StructReader(
            column("model", DataTypes.StringType, text("model")),
            column("size_gb", DataTypes.DoubleType, nonNegativeDouble("size_gb")),
            column("type", DataTypes.StringType, text("type")));

    static final StructReader PARTITION = new StructReader(
            column("fs", DataTypes.StringType, text("fs")),
            column("size_gb", DataTypes.DoubleType, nonNegativeDouble("size_gb")),
            column("mount", DataTypes.StringType, mountPoint("mount")));

    static final StructReader NIC = new StructReader(
            column("vendor", DataTypes.StringType, text("vendor")),
            column("model", DataTypes.StringType, text("model")));

    static final StructReader DEVICE_STRUCT = new StructReader(
            column("board_vendor", DataTypes.StringType, text("board_vendor")),
            column("board_model", DataTypes.StringType, text("board_model")),
            column("bios_vendor", DataTypes.StringType, text("bios_vendor")),
            column("bios_version", DataTypes.StringType, text("bios_version")),
            column("bios_date", DataTypes.DateType, date("bios_date")),
            column("cpu_vendor", DataTypes.StringType, text("cpu_vendor")),
            column("cpu_model", DataTypes.StringType, text("cpu_model")),
            column("cpu_cores", DataTypes.IntegerType, positiveInt("cpu_cores")),
            column("memory_mb", DataTypes.LongType, positiveLong("memory_mb")),
            column("disks", DataTypes.createArrayType(DISK.type()), structArray("disks", DISK)),
            column("partitions", DataTypes.createArrayType(PARTITION.type()), structArray("partitions", PARTITION)),
            column("nics", DataTypes.createArrayType(NIC.type()), structArray("nics", NIC)));

    private static final MapType SETTINGS =
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);

    static final StructReader SYSTEM_STRUCT = new StructReader(
            column("os_version", DataTypes.StringType, text("os_version")),
            column("edition", DataTypes.StringType, text("edition")),
            column("kernel", DataTypes.StringType, text("kernel")),
            column("last_update", DataTypes.DateType, date("last_update")),
            column("language", DataTypes.StringType, text("language")),
            column("timezone", DataTypes.StringType, text("timezone")),
            column("sound_theme", DataTypes.StringType, text("sound_theme")),
            column("power_mode", DataTypes.StringType, text("power_mode")),
            column("theme", DataTypes.StringType, text("theme")),
            column("launcher_mode", DataTypes.StringType, text("launcher_mode")),
            column("wallpaper_category", DataTypes.StringType, wallpaperCategory("wallpaper")),
            column("dock", SETTINGS, settings("dock")),
            column("hot_corners", SETTINGS, settings("hot_corners")),
            column("mouse", SETTINGS, settings("mouse")));

    static final StructReader APP_STRUCT = new StructReader(
            column("id", DataTypes.StringType, required("id", text("id"))),
            column("version", DataTypes.StringType, text("version")),
            column("start", DataTypes.TimestampType, required("start", timestamp("start"))),
            column("exit", DataTypes.TimestampType, required("exit", timestamp("exit"))),
            column("duration_seconds", DataTypes.LongType, StagingEvents::sessionSeconds));

    static final StructReader DOWNLOAD_STRUCT = new StructReader(
            column("source", DataTypes.StringType,
                    required("source", oneOf("source", Set.copyOf(DOWNLOAD_SOURCES)))),
            column("app_id", DataTypes.StringType, required("app_id", text("app_id"))));

    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
            DataTypes.createStructField(EVENT_ID, DataTypes.StringType, false),
            DataTypes.createStructField(EVENT_TYPE, DataTypes.StringType, false),
            DataTypes.createStructField(SCHEMA_VERSION, DataTypes.StringType, false),
            DataTypes.createStructField(DEVICE_PSEUDONYM, DataTypes.StringType, false),
            DataTypes.createStructField(TS, DataTypes.TimestampType, false),
            DataTypes.createStructField(TS_OFFSET_MINUTES, DataTypes.IntegerType, false),
            DataTypes.createStructField(CONSENT_VERSION, DataTypes.StringType, true),
            DataTypes.createStructField(BIRTH_YEAR, DataTypes.IntegerType, true),
            DataTypes.createStructField(REGION, DataTypes.StringType, true),
            DataTypes.createStructField(IP_PREFIX, DataTypes.StringType, false),
            DataTypes.createStructField(DEVICE, DEVICE_STRUCT.type(), true),
            DataTypes.createStructField(SYSTEM, SYSTEM_STRUCT.type(), true),
            DataTypes.createStructField(APP, APP_STRUCT.type(), true),
            DataTypes.createStructField(DOWNLOAD, DOWNLOAD_STRUCT.type(), true)});

    private static final Set<String> COLUMNS = Set.of(SCHEMA.fieldNames());

    private StagingEvents() {
    }

    /**
     * A staging row from its values by column name; every column must be given (null where it does not apply), so a
     * column added to {@link #SCHEMA} cannot be forgotten here.
     */
    static Row row(Map<String, Object> values) {
        if (!values.keySet().equals(COLUMNS)) {
            throw new IllegalStateException("staging row columns " + values.keySet() + " differ from the schema's "
                    + Arrays.toString(SCHEMA.fieldNames()));
        }
        String[] names = SCHEMA.fieldNames();
        Object[] row = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            row[i] = values.get(names[i]);
        }
        return new GenericRowWithSchema(row, SCHEMA);
    }

    /** Exit minus start, after both were read and checked by the columns before it. */
    private static Object sessionSeconds(JsonNode app, String path) {
        Timestamp start = (Timestamp) timestamp("start").read(app, path);
        Timestamp exit = (Timestamp) timestamp("exit").read(app, path);
        Duration duration = Duration.between(start.toInstant(), exit.toInstant());
        if (duration.isNegative() || duration.compareTo(MAX_SESSION) > 0) {
            throw new LineRejected(QuarantineReason.INVALID_DURATION, FieldReader.path(path, "exit"));
        }
        return duration.getSeconds();
    }
}

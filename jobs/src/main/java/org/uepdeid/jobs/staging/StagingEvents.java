package org.uepdeid.jobs.staging;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
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
 *
 * <p>Only the schema: how ingest reads a telemetry line into it (and what it rejects) is {@code ingest}'s, and every
 * later job reads staging through these names.
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

    public static final StructType DISK = struct(
            field("model", DataTypes.StringType),
            field("size_gb", DataTypes.DoubleType),
            field("type", DataTypes.StringType));

    public static final StructType PARTITION = struct(
            field("fs", DataTypes.StringType),
            field("size_gb", DataTypes.DoubleType),
            field("mount", DataTypes.StringType));

    public static final StructType NIC = struct(
            field("vendor", DataTypes.StringType),
            field("model", DataTypes.StringType));

    public static final StructType DEVICE_STRUCT = struct(
            field("board_vendor", DataTypes.StringType),
            field("board_model", DataTypes.StringType),
            field("bios_vendor", DataTypes.StringType),
            field("bios_version", DataTypes.StringType),
            field("bios_date", DataTypes.DateType),
            field("cpu_vendor", DataTypes.StringType),
            field("cpu_model", DataTypes.StringType),
            field("cpu_cores", DataTypes.IntegerType),
            field("memory_mb", DataTypes.LongType),
            field("disks", DataTypes.createArrayType(DISK)),
            field("partitions", DataTypes.createArrayType(PARTITION)),
            field("nics", DataTypes.createArrayType(NIC)));

    private static final MapType SETTINGS =
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);

    public static final StructType SYSTEM_STRUCT = struct(
            field("os_version", DataTypes.StringType),
            field("edition", DataTypes.StringType),
            field("kernel", DataTypes.StringType),
            field("last_update", DataTypes.DateType),
            field("language", DataTypes.StringType),
            field("timezone", DataTypes.StringType),
            field("sound_theme", DataTypes.StringType),
            field("power_mode", DataTypes.StringType),
            field("theme", DataTypes.StringType),
            field("launcher_mode", DataTypes.StringType),
            field("wallpaper_category", DataTypes.StringType),
            field("dock", SETTINGS),
            field("hot_corners", SETTINGS),
            field("mouse", SETTINGS));

    public static final StructType APP_STRUCT = struct(
            field("id", DataTypes.StringType),
            field("version", DataTypes.StringType),
            field("start", DataTypes.TimestampType),
            field("exit", DataTypes.TimestampType),
            field("duration_seconds", DataTypes.LongType));

    public static final StructType DOWNLOAD_STRUCT = struct(
            field("source", DataTypes.StringType),
            field("app_id", DataTypes.StringType));

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
            DataTypes.createStructField(DEVICE, DEVICE_STRUCT, true),
            DataTypes.createStructField(SYSTEM, SYSTEM_STRUCT, true),
            DataTypes.createStructField(APP, APP_STRUCT, true),
            DataTypes.createStructField(DOWNLOAD, DOWNLOAD_STRUCT, true)});

    private static final Set<String> COLUMNS = Set.of(SCHEMA.fieldNames());

    private StagingEvents() {
    }

    /**
     * A staging row from its values by column name; every column must be given (null where it does not apply), so a
     * column added to {@link #SCHEMA} cannot be forgotten here.
     */
    public static Row row(Map<String, Object> values) {
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

    /** A payload struct's fields are nullable: a client may leave any of them out unless ingest requires it. */
    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }
}

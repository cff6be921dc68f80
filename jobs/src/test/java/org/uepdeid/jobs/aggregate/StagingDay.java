package org.uepdeid.jobs.aggregate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.testing.TelemetryFixtures;

/**
 * A hand-made day of staging data for the aggregate tests: events in the staging schema (the profiles are derived
 * from them by the real profile job) and the anonymized classes, which the anonymize stage will write.
 */
final class StagingDay {

    static final LocalDate DAY = LocalDate.parse(TelemetryFixtures.DAY);
    /** The quasi-identifier columns of the classes written by {@link #deviceClass}, in order. */
    static final List<String> CLASS_COLUMNS =
            List.of("os_version", "edition", "region", "cpu_family", "memory_mb", "disk_total_gb", "language");

    private static final StructType DEVICE = struct(StagingEvents.SCHEMA, StagingEvents.DEVICE);
    private static final StructType SYSTEM = struct(StagingEvents.SCHEMA, StagingEvents.SYSTEM);
    private static final StructType APP = struct(StagingEvents.SCHEMA, StagingEvents.APP);
    private static final StructType DOWNLOAD = struct(StagingEvents.SCHEMA, StagingEvents.DOWNLOAD);
    private static final StructType DISK =
            (StructType) ((ArrayType) DEVICE.apply("disks").dataType()).elementType();

    private final List<Row> events = new ArrayList<>();
    private final List<Row> classes = new ArrayList<>();
    private int eventCount;

    /** Device {@code n}'s pseudonym: 64 hex digits, like the keyed HMAC ingest computes. */
    static String pseudonym(int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("device-" + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A device_profile at 08:00 +08:00; {@code edit} changes the system settings (theme, dock, ...). */
    StagingDay profile(int device, Consumer<Map<String, Object>> edit) {
        Map<String, Object> system = new HashMap<>();
        system.put("os_version", "20.1070");
        system.put("edition", "Professional");
        system.put("language", "zh_CN");
        system.put("timezone", "Asia/Shanghai");
        system.put("sound_theme", "deepin");
        system.put("power_mode", "balanced");
        system.put("theme", "light");
        system.put("launcher_mode", "fullscreen");
        system.put("wallpaper_category", "builtin");
        system.put("dock", Map.of("position", "bottom", "size", "48"));
        system.put("hot_corners", Map.of());
        system.put("mouse", Map.of("speed", "5"));
        edit.accept(system);
        Map<String, Object> hardware = Map.of("board_vendor", "LENOVO", "board_model", "ThinkPad X1",
                "cpu_vendor", "GenuineIntel", "cpu_model", "Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz",
                "cpu_cores", 4, "memory_mb", 16384L, "bios_date", Date.valueOf("2023-05-12"),
                "disks", List.of(row(DISK, Map.of("model", "SAMSUNG MZVLB512", "size_gb", 512.0, "type", "ssd"))),
                "partitions", List.of(), "nics", List.of());
        return event(device, "device_profile", "08:00", "+08:00",
                Map.of(StagingEvents.DEVICE, row(DEVICE, hardware), StagingEvents.SYSTEM, row(SYSTEM, system)));
    }

    /** {@code count} logins at {@code localTime} in {@code offset} (the device's own clock). */
    StagingDay logins(int device, int count, String localTime, String offset) {
        for (int i = 0; i < count; i++) {
            event(device, "login", localTime, offset, Map.of());
        }
        return this;
    }

    /** {@code count} sessions of {@code minutes} each, from 10:00 +08:00. */
    StagingDay appSessions(int device, int count, String appId, String version, long minutes) {
        Timestamp start = timestamp(at("10:00", "+08:00"));
        Timestamp exit = Timestamp.from(start.toInstant().plusSeconds(minutes * 60));
        for (int i = 0; i < count; i++) {
            event(device, "app_session", "10:00", "+08:00", Map.of(StagingEvents.APP, row(APP, Map.of("id", appId,
                    "version", version, "start", start, "exit", exit, "duration_seconds", minutes * 60))));
        }
        return this;
    }

    StagingDay downloads(int device, int count, String source) {
        for (int i = 0; i < count; i++) {
            Row download = row(DOWNLOAD, Map.of("source", source, "app_id", "com.deepin.music"));
            event(device, "download", "11:00", "+08:00", Map.of(StagingEvents.DOWNLOAD, download));
        }
        return this;
    }

    /** The device's row in staging/classes: its labels in {@link #CLASS_COLUMNS} order. */
    StagingDay deviceClass(int device, boolean suppressed, String... labels) {
        Object[] values = new Object[labels.length + 2];
        values[0] = pseudonym(device);
        System.arraycopy(labels, 0, values, 1, labels.length);
        values[values.length - 1] = suppressed;
        classes.add(RowFactory.create(values));
        return this;
    }

    /** Writes staging/events, runs the profile job and writes staging/classes with the given QI columns. */
    void write(SparkSession spark, PipelineConfig config) throws IOException {
        DataRoot root = new DataRoot(config.dataRoot());
        spark.createDataFrame(events, StagingEvents.SCHEMA).write().mode(SaveMode.Overwrite)
                .parquet(root.stagingEvents(DAY).toString());
        new ProfileJob(spark, config, Clock.systemUTC()).run(DAY);
        writeClasses(spark, root, CLASS_COLUMNS);
    }

    /** (Re)writes staging/classes with only {@code columns} of {@link #CLASS_COLUMNS}, as another policy would. */
    void writeClasses(SparkSession spark, DataRoot root, List<String> columns) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(StagingEvents.DEVICE_PSEUDONYM, DataTypes.StringType, false));
        CLASS_COLUMNS.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, false)));
        fields.add(DataTypes.createStructField(StagingInput.SUPPRESSED, DataTypes.BooleanType, false));
        List<String> kept = new ArrayList<>(List.of(StagingEvents.DEVICE_PSEUDONYM));
        kept.addAll(columns);
        kept.add(StagingInput.SUPPRESSED);
        spark.createDataFrame(classes, DataTypes.createStructType(fields))
                .selectExpr(kept.toArray(String[]::new))
                .write().mode(SaveMode.Overwrite).parquet(root.stagingClasses(DAY).toString());
    }

    private StagingDay event(int device, String type, String localTime, String offset, Map<String, Object> payload) {
        OffsetDateTime ts = at(localTime, offset);
        Map<String, Object> values = new LinkedHashMap<>(payload);
        values.put(StagingEvents.EVENT_ID, "event-" + (++eventCount));
        values.put(StagingEvents.EVENT_TYPE, type);
        values.put(StagingEvents.SCHEMA_VERSION, "uep.v1");
        values.put(StagingEvents.DEVICE_PSEUDONYM, pseudonym(device));
        values.put(StagingEvents.TS, timestamp(ts));
        values.put(StagingEvents.TS_OFFSET_MINUTES, ts.getOffset().getTotalSeconds() / 60);
        values.put(StagingEvents.REGION, "江苏");
        values.put(StagingEvents.IP_PREFIX, "203.0.113.0/24");
        events.add(row(StagingEvents.SCHEMA, values));
        return this;
    }

    private static OffsetDateTime at(String localTime, String offset) {
        return OffsetDateTime.of(DAY, LocalTime.parse(localTime), ZoneOffset.of(offset));
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.from(time.toInstant());
    }

    /** A row of {@code type} from values by field name, null where none is given; an unknown name is a test bug. */
    private static Row row(StructType type, Map<String, Object> values) {
        List<String> names = Arrays.asList(type.fieldNames());
        if (!names.containsAll(values.keySet())) {
            throw new IllegalArgumentException("fields " + values.keySet() + " are not all in " + names);
        }
        return RowFactory.create(names.stream().map(values::get).toArray());
    }

    private static StructType struct(StructType schema, String field) {
        return (StructType) schema.apply(field).dataType();
    }
}

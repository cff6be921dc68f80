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
import java.util.Set;
import org.uepdeid.jobs.staging.StagingEvents;

/**
 * How each payload of a telemetry line is read and checked into its {@link StagingEvents} struct: one reader per
 * column, in the schema's order (each {@link StructReader} checks its names against the struct it fills).
 */
final class StagingReaders {

    /** An app session longer than this is a clock or client bug, not usage. */
    static final Duration MAX_SESSION = Duration.ofHours(24);

    static final StructReader DISK = new StructReader(StagingEvents.DISK,
            column("model", text("model")),
            column("size_gb", nonNegativeDouble("size_gb")),
            column("type", text("type")));

    static final StructReader PARTITION = new StructReader(StagingEvents.PARTITION,
            column("fs", text("fs")),
            column("size_gb", nonNegativeDouble("size_gb")),
            column("mount", mountPoint("mount")));

    static final StructReader NIC = new StructReader(StagingEvents.NIC,
            column("vendor", text("vendor")),
            column("model", text("model")));

    static final StructReader DEVICE_STRUCT = new StructReader(StagingEvents.DEVICE_STRUCT,
            column("board_vendor", text("board_vendor")),
            column("board_model", text("board_model")),
            column("bios_vendor", text("bios_vendor")),
            column("bios_version", text("bios_version")),
            column("bios_date", date("bios_date")),
            column("cpu_vendor", text("cpu_vendor")),
            column("cpu_model", text("cpu_model")),
            column("cpu_cores", positiveInt("cpu_cores")),
            column("memory_mb", positiveLong("memory_mb")),
            column("disks", structArray("disks", DISK)),
            column("partitions", structArray("partitions", PARTITION)),
            column("nics", structArray("nics", NIC)));

    static final StructReader SYSTEM_STRUCT = new StructReader(StagingEvents.SYSTEM_STRUCT,
            column("os_version", text("os_version")),
            column("edition", text("edition")),
            column("kernel", text("kernel")),
            column("last_update", date("last_update")),
            column("language", text("language")),
            column("timezone", text("timezone")),
            column("sound_theme", text("sound_theme")),
            column("power_mode", text("power_mode")),
            column("theme", text("theme")),
            column("launcher_mode", text("launcher_mode")),
            column("wallpaper_category", wallpaperCategory("wallpaper")),
            column("dock", settings("dock")),
            column("hot_corners", settings("hot_corners")),
            column("mouse", settings("mouse")));

    static final StructReader APP_STRUCT = new StructReader(StagingEvents.APP_STRUCT,
            column("id", required("id", text("id"))),
            column("version", text("version")),
            column("start", required("start", timestamp("start"))),
            column("exit", required("exit", timestamp("exit"))),
            column("duration_seconds", StagingReaders::sessionSeconds));

    static final StructReader DOWNLOAD_STRUCT = new StructReader(StagingEvents.DOWNLOAD_STRUCT,
            column("source", required("source", oneOf("source", Set.copyOf(StagingEvents.DOWNLOAD_SOURCES)))),
            column("app_id", required("app_id", text("app_id"))));

    private StagingReaders() {
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

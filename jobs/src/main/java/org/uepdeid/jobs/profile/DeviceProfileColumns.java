package org.uepdeid.jobs.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.uepdeid.jobs.staging.StagingEvents;

/**
 * The columns of {@code staging/profiles}: a device_profile event flattened into stable snake-case columns, plus the
 * derived columns the anonymizer uses as quasi-identifiers.
 *
 * <p>Lists become counts and sorted, comma-joined distinct values ({@code disk_types = "hdd,ssd"}), so each column is
 * one scalar a hierarchy can generalize; the three settings groups stay maps ({@code dock}, {@code hot_corners},
 * {@code mouse}) because clients choose their keys, and the aggregate job explodes them.
 */
final class DeviceProfileColumns {

    private static final UserDefinedFunction CPU_FAMILY =
            udf((UDF1<String, String>) CpuFamily::of, DataTypes.StringType);
    private static final UserDefinedFunction CPU_VENDOR =
            udf((UDF2<String, String, String>) CpuFamily::vendor, DataTypes.StringType);

    private DeviceProfileColumns() {
    }

    /** The profile's columns, in order, over one staging event row of type device_profile. */
    static List<Column> columns() {
        return List.of(
                col(StagingEvents.DEVICE_PSEUDONYM),
                col(StagingEvents.REGION),
                CPU_VENDOR.apply(device("cpu_vendor"), device("cpu_model")).as("cpu_vendor"),
                device("cpu_model").as("cpu_model"),
                CPU_FAMILY.apply(device("cpu_model")).as("cpu_family"),
                device("cpu_cores").as("cpu_cores"),
                device("memory_mb").as("memory_mb"),
                expr("size(device.disks)").as("disk_count"),
                expr("aggregate(device.disks, cast(0 as double), (total, d) -> total + coalesce(d.size_gb, 0d))")
                        .as("disk_total_gb"),
                distinctJoined("device.disks", "type").as("disk_types"),
                device("board_vendor").as("board_vendor"),
                device("board_model").as("board_model"),
                device("bios_vendor").as("bios_vendor"),
                device("bios_version").as("bios_version"),
                device("bios_date").as("bios_date"),
                expr("size(device.nics)").as("nic_count"),
                distinctJoined("device.nics", "vendor").as("nic_vendors"),
                expr("size(device.partitions)").as("partition_count"),
                distinctJoined("device.partitions", "fs").as("partition_fs_types"),
                system("os_version").as("os_version"),
                // The leading number of the version: "20.1070" and "V20 (1070)" are both major 20.
                expr("nullif(regexp_extract(system.os_version, '^[^0-9]*([0-9]+)', 1), '')").as("os_major"),
                system("edition").as("edition"),
                system("kernel").as("kernel"),
                system("last_update").as("last_update"),
                system("language").as("language"),
                system("timezone").as("timezone"),
                system("sound_theme").as("sound_theme"),
                system("power_mode").as("power_mode"),
                system("theme").as("theme"),
                system("launcher_mode").as("launcher_mode"),
                system("wallpaper_category").as("wallpaper_category"),
                system("dock").as("dock"),
                system("hot_corners").as("hot_corners"),
                system("mouse").as("mouse"));
    }

    private static Column device(String field) {
        return col(StagingEvents.DEVICE + "." + field);
    }

    private static Column system(String field) {
        return col(StagingEvents.SYSTEM + "." + field);
    }

    /** Sorted distinct non-null values of one field of a list of structs, comma-joined; null when the list is. */
    private static Column distinctJoined(String list, String field) {
        return expr("array_join(array_sort(array_distinct(filter(transform(" + list + ", x -> x." + field
                + "), v -> v is not null))), ',')");
    }
}

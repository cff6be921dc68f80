package org.uepdeid.jobs.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.layout.DailyZone;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DayPartition;

/**
 * The partitions of the zones keyed by pseudonym ({@link #ZONES}) that hold rows with a {@code device_pseudonym}: what
 * a purge and a rekey rewrite. Everything else in those zones is named in {@link Zone#notScanned()}, never touched.
 */
public final class KeyedZones {

    /** The zones whose rows carry a {@code device_pseudonym}. */
    public static final List<DailyZone> ZONES = List.of(DailyZone.STAGING_EVENTS, DailyZone.STAGING_PROFILES,
            DailyZone.STAGING_CLASSES, DailyZone.QUARANTINE, DailyZone.ANONYMIZE_QUARANTINE);

    /** One day's rows of a zone (read lazily). */
    public record Partition(DayPartition day, Dataset<Row> rows) {
    }

    /** A zone's partitions with keyed rows, and its entries that are not such partitions, with why. */
    public record Zone(DailyZone zone, List<Partition> partitions, List<String> notScanned) {

        public Zone {
            partitions = List.copyOf(partitions);
            notScanned = List.copyOf(notScanned);
        }
    }

    private final SparkSession spark;
    private final DataRoot root;

    public KeyedZones(SparkSession spark, DataRoot root) {
        this.spark = spark;
        this.root = root;
    }

    /** Every zone of {@link #ZONES}, in that order. */
    public List<Zone> list() throws IOException {
        FileSystem fs = root.path().getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<Zone> zones = new ArrayList<>();
        for (DailyZone zone : ZONES) {
            DayPartition.Listing listing = DayPartition.list(fs, root.zone(zone), DailyZone.nestedIn(zone.folder()));
            List<String> notScanned = new ArrayList<>(listing.others().stream().map(KeyedZones::notAPartition)
                    .toList());
            List<Partition> partitions = new ArrayList<>();
            for (DayPartition day : listing.days()) {
                keyedRows(fs, day, notScanned).ifPresent(rows -> partitions.add(new Partition(day, rows)));
            }
            zones.add(new Zone(zone, partitions, notScanned));
        }
        return zones;
    }

    /**
     * The rows of a partition, if it holds Parquet data with a pseudonym column; otherwise says why in
     * {@code notScanned}.
     */
    private Optional<Dataset<Row>> keyedRows(FileSystem fs, DayPartition day, List<String> notScanned)
            throws IOException {
        boolean hasData = Arrays.stream(fs.listStatus(day.path())).map(FileStatus::getPath).map(Path::getName)
                .anyMatch(name -> name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith("."));
        if (!hasData) {
            notScanned.add(day.path().getName() + " (no Parquet data)");
            return Optional.empty();
        }
        Dataset<Row> rows = spark.read().parquet(day.path().toString());
        if (!Arrays.asList(rows.columns()).contains(Ledger.DEVICE_PSEUDONYM)) {
            notScanned.add(day.path().getName() + " (no " + Ledger.DEVICE_PSEUDONYM + " column)");
            return Optional.empty();
        }
        return Optional.of(rows);
    }

    private static String notAPartition(Path entry) {
        String name = entry.getName();
        boolean hidden = name.startsWith("_") || name.startsWith(".");
        return name + (hidden ? " (hidden, not dt=YYYY-MM-DD: if no job is running it is a failed run's leftover "
                + "and may hold the devices' rows; delete it)" : " (not dt=YYYY-MM-DD)");
    }
}

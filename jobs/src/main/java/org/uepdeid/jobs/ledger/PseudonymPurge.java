package org.uepdeid.jobs.ledger;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.anonymizer.input.UserInputException;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.DayPartition;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * Removes devices' rows from every existing partition of the zones keyed by pseudonym ({@link KeyedZones}): what
 * {@code erase} does, and what ingest does for a device it finds to be a child's (policy Part VII 3: delete as soon
 * as possible).
 *
 * <p>Each partition holding rows of the devices is rewritten without them under a temporary sibling, checked, and
 * swapped into place ({@link PartitionRewrite}), its {@code _manifest.json} kept with an {@code erasure} section.
 * Partitions without such rows are only counted (a filtered count that Parquet statistics mostly answer), never
 * rewritten. Quarantine rows without a pseudonym (lines whose device id was unreadable) stay. Nothing here logs or
 * returns a device id or pseudonym.
 */
public final class PseudonymPurge {

    private static final Logger LOG = LoggerFactory.getLogger(PseudonymPurge.class);

    private final SparkSession spark;
    private final DataRoot root;

    public PseudonymPurge(SparkSession spark, DataRoot root) {
        this.spark = spark;
        this.root = root;
    }

    /** What a purge found: per zone, and the days that held rows of the devices. */
    public record Result(List<ZoneErasure> zones, SortedSet<LocalDate> days) {

        public Result {
            zones = List.copyOf(zones);
            days = new TreeSet<>(days);
        }
    }

    /**
     * Removes the rows of {@code pseudonyms} from every partition of {@link #ZONES}; with {@code dryRun}, only counts
     * them. {@code at} and {@code runId} go into each rewritten partition's manifest.
     */
    public Result run(Set<String> pseudonyms, boolean dryRun, Instant at, String runId) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Column purged = col(Ledger.DEVICE_PSEUDONYM).isin(pseudonyms.toArray());
        List<ZoneErasure> zones = new ArrayList<>();
        SortedSet<LocalDate> days = new TreeSet<>();
        for (KeyedZones.Zone zone : new KeyedZones(spark, root).list()) {
            int rewritten = 0;
            long removed = 0;
            for (KeyedZones.Partition partition : zone.partitions()) {
                long matching = partition.rows().filter(purged).count();
                if (matching > 0) {
                    if (!dryRun) {
                        rewrite(hadoop, partition.day(), partition.rows(), purged, matching, at, runId);
                    }
                    rewritten++;
                    removed += matching;
                    days.add(partition.day().date());
                }
            }
            String folder = zone.zone().folder();
            zones.add(new ZoneErasure(folder, zone.partitions().size(), rewritten, removed, zone.notScanned()));
            LOG.info("purge {}: {} partition(s) scanned, {} {}, {} row(s) {}", folder, zone.partitions().size(),
                    rewritten, dryRun ? "to rewrite" : "rewritten", removed, dryRun ? "to remove" : "removed");
        }
        return new Result(zones, days);
    }

    /**
     * Writes the partition without the purged rows and swaps it into place, unless the copy lost any other row: then
     * the partition stays as it was and the run fails.
     */
    private void rewrite(Configuration hadoop, DayPartition day, Dataset<Row> rows, Column purged, long matching,
                         Instant at, String runId) throws IOException {
        long before = rows.count();
        // A null pseudonym is no purged device's: "not in" alone would drop those rows as unknown.
        new PartitionRewrite(spark).replace(day.path(), rows.filter(col(Ledger.DEVICE_PSEUDONYM).isNull()
                        .or(not(purged))), before - matching, "purge",
                (partition, copy) -> keepManifest(hadoop, partition, copy, matching, at, runId));
    }

    /** Carries the partition's manifest over to the copy, with the removal recorded in it. */
    private static void keepManifest(Configuration hadoop, Path partition, Path copy, long removed, Instant at,
                                     String runId) throws IOException {
        Path file = new Path(partition, RunManifest.FILE_NAME);
        FileSystem fs = file.getFileSystem(hadoop);
        if (!fs.exists(file)) {
            return;
        }
        ManifestFile manifests = new ManifestFile(hadoop);
        RunManifest manifest;
        try {
            manifest = manifests.read(partition);
        } catch (UserInputException e) {
            // An unreadable manifest must not stop a purge: it is carried over as it was.
            LOG.warn("purge: {} kept unchanged, it cannot be read: {}", file, e.getMessage());
            FileUtil.copy(fs, file, fs, new Path(copy, RunManifest.FILE_NAME), false, hadoop);
            return;
        }
        manifests.write(copy, ErasureSection.recordIn(manifest, removed, at, runId));
    }
}

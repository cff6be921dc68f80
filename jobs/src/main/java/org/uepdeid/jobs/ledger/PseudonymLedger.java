package org.uepdeid.jobs.ledger;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * Appends entries to a {@link Ledger} and reads it back. Each append is a new Parquet file set in its own folder
 * {@code <entry>=<run id>}, written under a temporary name and renamed into place whole, so ingest never reads half
 * an entry; nothing is ever rewritten in place (except by {@code rekey}).
 */
public final class PseudonymLedger {

    private final SparkSession spark;
    private final PipelineConfig config;
    private final Ledger ledger;

    public PseudonymLedger(SparkSession spark, PipelineConfig config, Ledger ledger) {
        this.spark = spark;
        this.config = config;
        this.ledger = ledger;
    }

    /**
     * Writes one entry: {@code rows} hold the pseudonym and the ledger's own columns, each gets {@code at} as its
     * time. Returns where they are, with the row count.
     */
    public DatasetCount append(List<Row> rows, Instant at, String runId, String job) throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path target = new Path(ledger.folder(new DataRoot(config.dataRoot())), ledger.entryPrefix() + runId);
        Timestamp time = Timestamp.from(at);
        List<Row> timed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object[] values = Arrays.copyOf(toArray(row), row.size() + 1);
            values[row.size()] = time;
            timed.add(RowFactory.create(values));
        }
        try (StagedOutput entry = new AtomicPublisher(hadoop).stage(target)) {
            spark.createDataFrame(timed, ledger.schema()).coalesce(1).write().parquet(entry.temporary().toString());
            DatasetCount written = new DatasetCount(entry.target().toString(),
                    spark.read().parquet(entry.temporary().toString()).count());
            if (written.rows() != rows.size()) {
                throw new IllegalStateException(ledger.name().toLowerCase() + " ledger: wrote " + written.rows()
                        + " of " + rows.size() + " rows to " + entry.temporary() + "; nothing was appended");
            }
            new ManifestFile(hadoop).write(entry.temporary(), new RunManifest(runId, job,
                    LocalDate.ofInstant(at, ZoneOffset.UTC), CodeVersion.current(), config.source().sha256(),
                    List.of(), List.of(written), null, null, null, Map.of()));
            entry.publish();
            return written;
        }
    }

    /** Every entry's rows ({@link Ledger#schema()}), or empty when nothing was ever appended. */
    public Optional<Dataset<Row>> read() throws IOException {
        Path folder = ledger.folder(new DataRoot(config.dataRoot()));
        if (!hasDataFiles(folder, spark.sparkContext().hadoopConfiguration())) {
            return Optional.empty();
        }
        Dataset<Row> entries = spark.read().option("recursiveFileLookup", "true").parquet(folder.toString());
        for (String column : ledger.schema().fieldNames()) {
            if (!Arrays.asList(entries.columns()).contains(column)) {
                throw new IllegalStateException("ledger " + folder + " has no " + column + " column");
            }
        }
        return Optional.of(entries.select(ledger.schema().fieldNames()[0],
                Arrays.copyOfRange(ledger.schema().fieldNames(), 1, ledger.schema().size())));
    }

    /**
     * The folder of every entry ({@code <entry>=<run id>}), oldest first: what {@code rekey} rewrites one by one.
     * Anything else in the ledger's folder (a failed append's {@code _staging}) is no entry and not listed.
     */
    public List<Path> entries() throws IOException {
        Path folder = ledger.folder(new DataRoot(config.dataRoot()));
        FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<Path> entries = new ArrayList<>();
        if (fs.exists(folder)) {
            for (FileStatus status : fs.listStatus(folder)) {
                if (status.isDirectory() && status.getPath().getName().startsWith(ledger.entryPrefix())) {
                    entries.add(status.getPath());
                }
            }
        }
        entries.sort(null);
        return entries;
    }

    private static Object[] toArray(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    private static boolean hasDataFiles(Path directory, Configuration hadoop) throws IOException {
        FileSystem fs = directory.getFileSystem(hadoop);
        if (!fs.exists(directory)) {
            return false;
        }
        for (RemoteIterator<LocatedFileStatus> files = fs.listFiles(directory, true); files.hasNext(); ) {
            String name = files.next().getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

package org.uepdeid.jobs.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * The ingest job: {@code landing/dt=D/*.jsonl[.gz]} to {@code staging/events/dt=D} and {@code quarantine/dt=D}, with
 * every input line accounted for in the run manifest.
 *
 * <p>Lines are read as text, never through a JSON reader that could drop malformed ones, and each gets exactly one
 * {@link Outcome}. Lines without consent, of minors, of erased devices, and repeated event ids are counted and kept
 * nowhere. Quarantine is an internal zone (policy Part I §3.1, like staging): it keeps the raw line so an operator can
 * see what was wrong, keyed by the line's SHA-256 and reason, with the device pseudonym where one could be computed so
 * that an erasure can remove it there too. Quarantine columns: {@code line_sha256, reason, detail, source_file,
 * device_pseudonym, line_bytes, raw_line} (binary, the first MiB).
 *
 * <p>Staging is not partitioned by event type: {@code dt} stays the only partition level, a day's events are few
 * enough files, and rows are sorted by event type so Parquet row-group statistics let a reader of one type skip the
 * others.
 *
 * <p>Both outputs are written under temporary paths; only when the accounting balances are the manifests written and
 * the outputs renamed into place, replacing an earlier run of the same day.
 *
 * @param clock the run's start time comes from it: timestamps after it are in the future
 */
public record IngestJob(SparkSession spark, PipelineConfig config, PseudonymKey key, Clock clock) {

    public static final String NAME = "ingest";

    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    private static final String COPY = "copy";
    private static final String LINE_KEY = "line_key";
    private static final String REPEAT_KEY = "repeat_key";
    private static final String ERASED_PSEUDONYM = "erased_pseudonym";
    private static final StructType LINES = new StructType()
            .add(LineClassifier.LINE, DataTypes.BinaryType)
            .add(LineClassifier.SOURCE_FILE, DataTypes.StringType);

    /** Ingests one day and returns the manifest written beside both outputs. */
    public RunManifest run(LocalDate date) throws IOException {
        Instant start = clock.instant();
        DataRoot root = new DataRoot(config.dataRoot());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<String> files = landingFiles(root.landing(date), hadoop);
        IpRegionTable table = IpRegionTable.load(config.ipRegions(), hadoop);
        LOG.info("ingest {}: {} landing file(s)", date, files.size());

        Dataset<Row> text = files.isEmpty() ? null : spark.read().text(files.toArray(String[]::new));
        List<DatasetCount> inputs = text == null ? List.of() : linesPerFile(text);
        long inputLines = inputs.stream().mapToLong(DatasetCount::rows).sum();
        Dataset<Row> lines = text == null ? spark.createDataFrame(List.of(), LINES)
                : text.select(col("value").cast(DataTypes.BinaryType).as(LineClassifier.LINE),
                col("_metadata.file_name").as(LineClassifier.SOURCE_FILE));

        Broadcast<IpRegionTable> regions = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(table);
        Dataset<Row> classified = lines
                .mapPartitions(new LineClassifier(key, regions, date, start, config.minimumAge()),
                        Encoders.row(LineClassifier.SCHEMA))
                // Tells apart byte-identical lines, which share event id and hash; stable because the input split is.
                .withColumn(LINE_KEY, monotonically_increasing_id())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return write(date, root, hadoop, start, inputs, inputLines, withErasures(classified, root, hadoop));
        } finally {
            classified.unpersist();
            regions.destroy();
        }
    }

    private RunManifest write(LocalDate date, DataRoot root, Configuration hadoop, Instant start,
                              List<DatasetCount> inputs, long inputLines, Dataset<Row> resolved) throws IOException {
        Dataset<Row> accepted = resolved.filter(col(LineClassifier.OUTCOME).equalTo(Outcome.ACCEPTED.code()));
        Dataset<Row> repeats = repeats(accepted).persist(StorageLevel.MEMORY_AND_DISK());
        AtomicPublisher publisher = new AtomicPublisher(hadoop);
        try (StagedOutput events = publisher.stage(root.stagingEvents(date));
             StagedOutput quarantine = publisher.stage(root.quarantine(date))) {
            accepted.join(broadcast(repeats), col(LINE_KEY).equalTo(col(REPEAT_KEY)), "left_anti")
                    .select(col(LineClassifier.EVENT + ".*"))
                    .sortWithinPartitions(StagingEvents.EVENT_TYPE, StagingEvents.TS)
                    .write().parquet(events.temporary().toString());
            resolved.filter(col(LineClassifier.OUTCOME).equalTo(Outcome.QUARANTINED.code()))
                    .select(LineClassifier.LINE_SHA256, LineClassifier.REASON, LineClassifier.DETAIL,
                            LineClassifier.SOURCE_FILE, LineClassifier.DEVICE_PSEUDONYM, LineClassifier.LINE_BYTES,
                            LineClassifier.RAW_LINE)
                    .write().parquet(quarantine.temporary().toString());

            Accounting accounting = accounting(inputLines, resolved, repeats, events, quarantine).requireBalanced();
            RunManifest manifest = new RunManifest(RunManifest.newRunId(start), NAME, date, CodeVersion.current(),
                    config.source().sha256(), inputs,
                    List.of(new DatasetCount(events.target().toString(), accounting.accepted()),
                            new DatasetCount(quarantine.target().toString(), accounting.quarantinedTotal())),
                    accounting, privacy(), verification(), Map.of("data_root", text(config.dataRoot().toString())));
            ManifestFile manifests = new ManifestFile(hadoop);
            manifests.write(events.temporary(), manifest);
            manifests.write(quarantine.temporary(), manifest);
            events.publish();
            quarantine.publish();
            LOG.info("ingest {}: {} lines: {} accepted, {} quarantined {}, {} without consent, {} minors, {} erased, "
                            + "{} duplicates", date, accounting.inputLines(), accounting.accepted(),
                    accounting.quarantinedTotal(), accounting.quarantined(), accounting.noConsent(),
                    accounting.minors(), accounting.erased(), accounting.duplicates());
            return manifest;
        } finally {
            repeats.unpersist();
        }
    }

    /**
     * The accepted lines that repeat an earlier event id: of several lines with one event id, the one with the
     * smallest line hash is kept, the same one on every re-run. Only ids, hashes and keys are shuffled, never the
     * events themselves; the repeats are few, so removing them is a broadcast anti-join.
     */
    private static Dataset<Row> repeats(Dataset<Row> accepted) {
        return accepted.select(LineClassifier.EVENT_ID, LineClassifier.LINE_SHA256, LINE_KEY)
                .withColumn(COPY, row_number().over(Window.partitionBy(LineClassifier.EVENT_ID)
                        .orderBy(LineClassifier.LINE_SHA256, LINE_KEY)))
                .filter(col(COPY).gt(1))
                .select(col(LINE_KEY).as(REPEAT_KEY));
    }

    /**
     * Counts outcomes from what was actually written and read, not from the classifier's own tally, so that a line
     * lost between classification and the files makes the identity fail.
     */
    private Accounting accounting(long inputLines, Dataset<Row> resolved, Dataset<Row> repeats,
                                  StagedOutput events, StagedOutput quarantine) {
        Map<String, Long> outcomes = counts(resolved.groupBy(LineClassifier.OUTCOME).count());
        Map<String, Long> reasons = counts(spark.read().parquet(quarantine.temporary().toString())
                .groupBy(LineClassifier.REASON).count());
        long accepted = spark.read().parquet(events.temporary().toString()).count();
        long duplicates = repeats.count();
        return new Accounting(inputLines, accepted, reasons, outcomes.getOrDefault(Outcome.NO_CONSENT.code(), 0L),
                outcomes.getOrDefault(Outcome.MINOR.code(), 0L), outcomes.getOrDefault(Outcome.ERASED.code(), 0L),
                duplicates);
    }

    private static Map<String, Long> counts(Dataset<Row> grouped) {
        Map<String, Long> counts = new HashMap<>();
        grouped.collectAsList().forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    /** Lines per landing file, counted from the text itself: the left side of the accounting identity. */
    private static List<DatasetCount> linesPerFile(Dataset<Row> text) {
        List<DatasetCount> counts = new ArrayList<>();
        text.groupBy(col("_metadata.file_path")).count().orderBy(col("file_path")).collectAsList()
                .forEach(row -> counts.add(new DatasetCount(row.getString(0), row.getLong(1))));
        return counts;
    }

    /**
     * Lines of devices in the erasure ledger become {@code erased}, whether they would have been accepted or
     * quarantined: an erased device's data is kept nowhere. The ledger is any Parquet under {@code ledger/erasure}
     * with a {@code device_pseudonym} column.
     */
    private Dataset<Row> withErasures(Dataset<Row> classified, DataRoot root, Configuration hadoop)
            throws IOException {
        Path ledger = root.erasureLedger();
        if (!hasDataFiles(ledger, hadoop)) {
            return classified;
        }
        Dataset<Row> entries = spark.read().option("recursiveFileLookup", "true").parquet(ledger.toString());
        if (!Arrays.asList(entries.columns()).contains(StagingEvents.DEVICE_PSEUDONYM)) {
            throw new IllegalStateException("erasure ledger " + ledger + " has no "
                    + StagingEvents.DEVICE_PSEUDONYM + " column");
        }
        Dataset<Row> erased = entries.select(col(StagingEvents.DEVICE_PSEUDONYM).as(ERASED_PSEUDONYM)).distinct();
        Column erasable = col(ERASED_PSEUDONYM).isNotNull()
                .and(col(LineClassifier.OUTCOME).isin(Outcome.ACCEPTED.code(), Outcome.QUARANTINED.code()));
        return classified
                .join(erased, classified.col(LineClassifier.DEVICE_PSEUDONYM).equalTo(erased.col(ERASED_PSEUDONYM)),
                        "left")
                .withColumn(LineClassifier.OUTCOME, when(erasable, lit(Outcome.ERASED.code()))
                        .otherwise(col(LineClassifier.OUTCOME)))
                .drop(ERASED_PSEUDONYM);
    }

    private static boolean hasDataFiles(Path directory, Configuration hadoop) throws IOException {
        FileSystem fs = directory.getFileSystem(hadoop);
        if (!fs.exists(directory)) {
            return false;
        }
        for (RemoteIterator<LocatedFileStatus> files = fs.listFiles(directory, true); files.hasNext(); ) {
            if (isVisible(files.next())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The day's uploads: {@code *.jsonl} and {@code *.jsonl.gz}, skipping names starting with {@code _} or {@code .}
     * (files a collector is still writing), sorted so runs read them in one order.
     */
    private static List<String> landingFiles(Path landing, Configuration hadoop) throws IOException {
        FileSystem fs = landing.getFileSystem(hadoop);
        if (!fs.exists(landing)) {
            throw new ConfigException("no landing partition for this --date: " + landing + " does not exist");
        }
        List<String> files = new ArrayList<>();
        for (String pattern : List.of("*.jsonl", "*.jsonl.gz")) {
            FileStatus[] matches = fs.globStatus(new Path(landing, pattern));
            for (FileStatus file : matches == null ? new FileStatus[0] : matches) {
                if (file.isFile() && isVisible(file)) {
                    files.add(file.getPath().toString());
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static boolean isVisible(FileStatus file) {
        String name = file.getPath().getName();
        return !name.startsWith("_") && !name.startsWith(".");
    }

    private ObjectNode privacy() {
        ObjectNode privacy = JsonNodeFactory.instance.objectNode();
        privacy.put("pseudonym", "HMAC-SHA256(key, device_id), lowercase hex");
        privacy.put("key_origin", key.origin().name().toLowerCase());
        privacy.put("key_fingerprint", key.fingerprint());
        privacy.put("minimum_age", config.minimumAge());
        privacy.putArray("direct_identifiers_dropped").add("device_id").add("ip").add("device.board_serial")
                .add("device.bios_serial").add("device.disks[].serial").add("device.nics[].mac")
                .add("system.hostname").add("system.username").add("system.wallpaper (kept as a category)");
        return privacy;
    }

    private static ObjectNode verification() {
        ObjectNode verification = JsonNodeFactory.instance.objectNode().put("status", "passed");
        verification.putArray("checks").addObject().put("name", "accounting_identity").put("status", "passed");
        return verification;
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }
}

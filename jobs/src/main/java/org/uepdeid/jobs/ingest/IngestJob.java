package org.uepdeid.jobs.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.anonymizer.input.DocumentException;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.ipregion.IpRegionTable;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.ledger.Ledger;
import org.uepdeid.jobs.ledger.PseudonymLedger;
import org.uepdeid.jobs.ledger.PseudonymPurge;
import org.uepdeid.jobs.ledger.ZoneErasure;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.staging.StagingEvents;

/**
 * The ingest job: {@code landing/dt=D/*.jsonl[.gz]} to {@code staging/events/dt=D} and {@code quarantine/dt=D}, with
 * every input line accounted for in the run manifest.
 *
 * <p>Lines are read as text, never through a JSON reader that could drop malformed ones, and each gets exactly one
 * {@link Outcome}. Lines without consent, of minors, of erased devices, and repeated event ids are counted and kept
 * nowhere. Children and revocations are decided per device: a device one of whose lines states a child's birth
 * year loses every line of the day, is recorded in {@code ledger/children} and purged from earlier partitions; a
 * device in {@code ledger/consent} loses its lines from the revocation on.
 *
 * <p>Quarantine is an internal zone (policy Part I §3.1, like staging): it keeps what an operator needs to see what
 * was wrong, never the raw line nor any direct identifier ({@link QuarantineCopy}), keyed by the line's SHA-256 and
 * reason, with the device pseudonym where one could be computed so that an erasure can remove it there too.
 * Quarantine columns: {@code line_sha256, reason, detail} (the field and what was expected), {@code source_file,
 * line_number, device_pseudonym, line_bytes, redacted_line}.
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
    private static final String LISTED_PSEUDONYM = "listed_pseudonym";
    /** The job name a generated landing day's manifest carries. */
    private static final String GENERATE_JOB = "generate";
    private static final String BLOCK_FILE = "block_file";
    private static final String BLOCK_OFFSET_START = "block_offset_start";
    private static final String LINES_BEFORE = "lines_before";
    private static final StructType LINES = new StructType()
            .add(LineClassifier.LINE, DataTypes.BinaryType)
            .add(LineClassifier.SOURCE_FILE, DataTypes.StringType)
            .add(LineClassifier.BLOCK_START, DataTypes.LongType);

    /** Ingests one day and returns the manifest written beside both outputs. */
    public RunManifest run(LocalDate date) throws IOException {
        Instant start = clock.instant();
        DataRoot root = new DataRoot(config.dataRoot());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<String> files = landingFiles(root.landing(date), hadoop);
        if (key.origin() == PseudonymKey.Origin.DEMO) {
            requireGenerated(root.landing(date), hadoop);
        }
        IpRegionTable table = IpRegionTable.load(config.ipRegions(), hadoop);
        LOG.info("ingest {}: {} landing file(s)", date, files.size());

        Dataset<Row> text = files.isEmpty() ? null : spark.read().text(files.toArray(String[]::new));
        List<DatasetCount> inputs = text == null ? List.of() : linesPerFile(text);
        long inputLines = inputs.stream().mapToLong(DatasetCount::rows).sum();
        Dataset<Row> lines = text == null ? spark.createDataFrame(List.of(), LINES)
                : text.select(col("value").cast(DataTypes.BinaryType).as(LineClassifier.LINE),
                col("_metadata.file_name").as(LineClassifier.SOURCE_FILE),
                col("_metadata.file_block_start").as(LineClassifier.BLOCK_START));

        IngestRules rules = IngestRules.of(config);
        Broadcast<IpRegionTable> regions = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(table);
        Dataset<Row> classified = lines
                .mapPartitions(new LineClassifier(key, regions, date, start, rules),
                        Encoders.row(LineClassifier.SCHEMA))
                // Tells apart byte-identical lines, which share event id and hash; stable because the input split is.
                .withColumn(LINE_KEY, monotonically_increasing_id())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> children = children(classified, date, rules);
            Dataset<Row> resolved = revoked(withChildren(erased(classified), children));
            return write(date, root, hadoop, start, inputs, inputLines, resolved, newChildren(classified));
        } finally {
            classified.unpersist();
            regions.destroy();
        }
    }

    private RunManifest write(LocalDate date, DataRoot root, Configuration hadoop, Instant start,
                              List<DatasetCount> inputs, long inputLines, Dataset<Row> resolved,
                              List<Row> newChildren) throws IOException {
        Dataset<Row> accepted = resolved.filter(col(LineClassifier.OUTCOME).equalTo(Outcome.ACCEPTED.code()));
        Dataset<Row> repeats = repeats(accepted).persist(StorageLevel.MEMORY_AND_DISK());
        AtomicPublisher publisher = new AtomicPublisher(hadoop);
        try (StagedOutput events = publisher.stage(root.stagingEvents(date));
             StagedOutput quarantine = publisher.stage(root.quarantine(date))) {
            Dataset<Row> kept = accepted.join(broadcast(repeats), col(LINE_KEY).equalTo(col(REPEAT_KEY)), "left_anti");
            kept.select(col(LineClassifier.EVENT + ".*"))
                    .sortWithinPartitions(StagingEvents.EVENT_TYPE, StagingEvents.TS)
                    .write().parquet(events.temporary().toString());
            withLineNumbers(resolved.filter(col(LineClassifier.OUTCOME).equalTo(Outcome.QUARANTINED.code())),
                    resolved)
                    .select(LineClassifier.LINE_SHA256, LineClassifier.REASON, LineClassifier.DETAIL,
                            LineClassifier.SOURCE_FILE, LineClassifier.LINE_NUMBER, LineClassifier.DEVICE_PSEUDONYM,
                            LineClassifier.LINE_BYTES, LineClassifier.COPY)
                    .write().parquet(quarantine.temporary().toString());

            Accounting accounting = accounting(inputLines, resolved, repeats, events, quarantine).requireBalanced();
            RunManifest manifest = new RunManifest(RunManifest.newRunId(start), NAME, date, CodeVersion.current(),
                    config.source().sha256(), inputs,
                    List.of(new DatasetCount(events.target().toString(), accounting.accepted()),
                            new DatasetCount(quarantine.target().toString(), accounting.quarantinedTotal())),
                    accounting, privacy(redactedPerField(kept)), verification(),
                    Map.of("data_root", text(config.dataRoot().toString())));
            ManifestFile manifests = new ManifestFile(hadoop);
            manifests.write(events.temporary(), manifest);
            manifests.write(quarantine.temporary(), manifest);
            // The ledger first: should the purge below fail, later ingests already exclude the children.
            String runId = manifest.runId();
            if (!newChildren.isEmpty()) {
                new PseudonymLedger(spark, config, Ledger.CHILDREN).append(newChildren, start, runId, NAME);
            }
            events.publish();
            quarantine.publish();
            purgeEarlierPartitions(root, newChildren, start, runId);
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
     * {@code lines} with each one's number in its file (from 1): its place in its block plus the lines of the file's
     * earlier blocks, counted over {@code all} (a few rows per file reach the driver).
     */
    private Dataset<Row> withLineNumbers(Dataset<Row> lines, Dataset<Row> all) {
        List<Row> blocks = all.groupBy(LineClassifier.SOURCE_FILE, LineClassifier.BLOCK_START).count()
                .orderBy(LineClassifier.SOURCE_FILE, LineClassifier.BLOCK_START).collectAsList();
        List<Row> before = new ArrayList<>();
        String file = null;
        long earlier = 0;
        for (Row block : blocks) {
            if (!block.getString(0).equals(file)) {
                file = block.getString(0);
                earlier = 0;
            }
            before.add(RowFactory.create(file, block.getLong(1), earlier));
            earlier += block.getLong(2);
        }
        Dataset<Row> offsets = spark.createDataFrame(before, new StructType()
                .add(BLOCK_FILE, DataTypes.StringType).add(BLOCK_OFFSET_START, DataTypes.LongType)
                .add(LINES_BEFORE, DataTypes.LongType));
        return lines.join(broadcast(offsets), col(LineClassifier.SOURCE_FILE).equalTo(col(BLOCK_FILE))
                        .and(col(LineClassifier.BLOCK_START).equalTo(col(BLOCK_OFFSET_START))))
                .withColumn(LineClassifier.LINE_NUMBER,
                        col(LINES_BEFORE).plus(col(LineClassifier.LINE_IN_BLOCK)).plus(1));
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
     * quarantined: an erased device's data is kept nowhere.
     */
    private Dataset<Row> erased(Dataset<Row> classified) throws IOException {
        Optional<Dataset<Row>> ledger = new PseudonymLedger(spark, config, Ledger.ERASURE).read();
        return ledger.isEmpty() ? classified
                : excluding(classified, ledger.get().select(Ledger.DEVICE_PSEUDONYM).distinct(), lit(true),
                Outcome.ERASED);
    }

    /**
     * The devices that are a child's on this day: every device one of whose lines states a child's birth year
     * (policy Part VII: all of its events that day are excluded, not only the one that says so), and the devices of
     * {@code ledger/children} still too young in this year.
     */
    private Dataset<Row> children(Dataset<Row> classified, LocalDate date, IngestRules rules) throws IOException {
        Dataset<Row> today = classified.filter(col(LineClassifier.OUTCOME).equalTo(Outcome.MINOR.code())
                .and(col(LineClassifier.DEVICE_PSEUDONYM).isNotNull())).select(LineClassifier.DEVICE_PSEUDONYM);
        Optional<Dataset<Row>> ledger = new PseudonymLedger(spark, config, Ledger.CHILDREN).read();
        return ledger.map(entries -> today.union(entries
                        .filter(col(Ledger.BIRTH_YEAR).geq(rules.earliestChildBirthYear(date.getYear())))
                        .select(Ledger.DEVICE_PSEUDONYM)))
                .orElse(today).distinct();
    }

    private static Dataset<Row> withChildren(Dataset<Row> lines, Dataset<Row> children) {
        return excluding(lines, children, lit(true), Outcome.MINOR);
    }

    /**
     * Lines of a device whose consent was revoked ({@code ledger/consent}) become {@code no_consent} from the
     * revocation on; a line whose time cannot be read is taken as later. Earlier lines stay: a revocation does not
     * undo processing done while consent stood (policy Part VI 3.3).
     */
    private Dataset<Row> revoked(Dataset<Row> lines) throws IOException {
        Optional<Dataset<Row>> ledger = new PseudonymLedger(spark, config, Ledger.CONSENT).read();
        if (ledger.isEmpty()) {
            return lines;
        }
        String revokedAt = Ledger.CONSENT.timeColumn();
        Dataset<Row> earliest = ledger.get().groupBy(Ledger.DEVICE_PSEUDONYM).agg(min(revokedAt).as(revokedAt));
        return excluding(lines, earliest, col(LineClassifier.EVENT_TIME).isNull()
                .or(col(LineClassifier.EVENT_TIME).geq(col(revokedAt))), Outcome.NO_CONSENT);
    }

    /**
     * Lines of the listed devices for which {@code applies} holds become {@code outcome}, whether they would have
     * been accepted or quarantined; {@code devices} has a {@code device_pseudonym} column, one row per device.
     */
    private static Dataset<Row> excluding(Dataset<Row> lines, Dataset<Row> devices, Column applies,
                                          Outcome outcome) {
        Dataset<Row> listed = devices.withColumnRenamed(Ledger.DEVICE_PSEUDONYM, LISTED_PSEUDONYM);
        Column excluded = col(LISTED_PSEUDONYM).isNotNull().and(applies)
                .and(col(LineClassifier.OUTCOME).isin(Outcome.ACCEPTED.code(), Outcome.QUARANTINED.code()));
        Dataset<Row> joined = lines.join(listed,
                lines.col(LineClassifier.DEVICE_PSEUDONYM).equalTo(listed.col(LISTED_PSEUDONYM)), "left");
        return joined.withColumn(LineClassifier.OUTCOME, when(excluded, lit(outcome.code()))
                        .otherwise(col(LineClassifier.OUTCOME)))
                .drop(listed.columns());
    }

    /**
     * The children found today who are not in {@code ledger/children} yet, each with the latest birth year its lines
     * stated (the youngest the user may be): one row per device for the ledger.
     */
    private List<Row> newChildren(Dataset<Row> classified) throws IOException {
        Dataset<Row> today = classified.filter(col(LineClassifier.OUTCOME).equalTo(Outcome.MINOR.code())
                        .and(col(LineClassifier.DEVICE_PSEUDONYM).isNotNull()))
                .groupBy(LineClassifier.DEVICE_PSEUDONYM).agg(max(LineClassifier.CHILD_BIRTH_YEAR));
        Optional<Dataset<Row>> ledger = new PseudonymLedger(spark, config, Ledger.CHILDREN).read();
        Dataset<Row> unknown = ledger.isEmpty() ? today : today.join(
                ledger.get().select(Ledger.DEVICE_PSEUDONYM).distinct(),
                today.col(LineClassifier.DEVICE_PSEUDONYM).equalTo(ledger.get().col(Ledger.DEVICE_PSEUDONYM)),
                "left_anti");
        return unknown.collectAsList();
    }

    /**
     * Removes newly found children from the partitions written before today (policy Part VII 3: deleted as soon as
     * possible), as {@code erase} does; published days hold no pseudonyms and are not rewritten.
     */
    private void purgeEarlierPartitions(DataRoot root, List<Row> newChildren, Instant at, String runId)
            throws IOException {
        if (newChildren.isEmpty()) {
            return;
        }
        Set<String> pseudonyms = new TreeSet<>();
        newChildren.forEach(row -> pseudonyms.add(row.getString(0)));
        PseudonymPurge.Result purged = new PseudonymPurge(spark, root).run(pseudonyms, false, at, runId);
        LOG.info("ingest: {} child device(s) newly recorded in ledger/children; {} row(s) of earlier partitions "
                + "purged", pseudonyms.size(), purged.zones().stream().mapToLong(ZoneErasure::rowsRemoved).sum());
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

    /**
     * The public demo key pseudonymizes only what {@code uep-deid generate} wrote: its landing manifest says so. Real
     * telemetry under a key anyone can compute would be as good as not pseudonymized.
     */
    private static void requireGenerated(Path landing, Configuration hadoop) throws IOException {
        Path manifest = new Path(landing, RunManifest.FILE_NAME);
        FileSystem fs = manifest.getFileSystem(hadoop);
        String job = null;
        if (fs.exists(manifest)) {
            try (var in = fs.open(manifest)) {
                DocumentNode named = DocumentNode.parse(in.readAllBytes(), manifest.toString(),
                        DocumentNode.Format.JSON).at("job");
                job = named.isText() ? named.string() : null;
            } catch (DocumentException unreadable) {
                // not a generated day's manifest
            }
        }
        if (!GENERATE_JOB.equals(job)) {
            throw new ConfigException("--demo: " + landing + " was not written by `uep-deid generate` (its "
                    + RunManifest.FILE_NAME + " would say so), and the public demo key must never pseudonymize real "
                    + "telemetry: set " + PseudonymKey.ENVIRONMENT_VARIABLE + " or pass --key-file FILE ("
                    + PseudonymKey.HOW_TO_MAKE_ONE + ")");
        }
    }

    private static boolean isVisible(FileStatus file) {
        String name = file.getPath().getName();
        return !name.startsWith("_") && !name.startsWith(".");
    }

    /** How many kept events had each field's value redacted, by field path (never a value). */
    private static Map<String, Long> redactedPerField(Dataset<Row> kept) {
        return counts(kept.select(explode(col(LineClassifier.REDACTED)).as("field")).groupBy("field").count());
    }

    private ObjectNode privacy(Map<String, Long> redacted) {
        ObjectNode privacy = JsonNodeFactory.instance.objectNode();
        privacy.put("pseudonym", "HMAC-SHA256(key, device_id), lowercase hex");
        privacy.put("key_origin", key.origin().name().toLowerCase());
        privacy.put("key_id", key.id());
        privacy.put(PipelineConfig.CHILDREN_UP_TO_AGE, config.childrenUpToAge());
        ObjectNode perField = privacy.putObject("redacted_values");
        new TreeMap<>(redacted).forEach(perField::put);
        config.consent().acceptedVersions().stream().sorted()
                .forEach(privacy.putArray("consent_accepted_versions")::add);
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

package org.uepdeid.jobs.anonymize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uepdeid.anonymizer.AnonymizationResult;
import org.uepdeid.anonymizer.Anonymizer;
import org.uepdeid.anonymizer.Transformation;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.data.FrequencyTableBuilder;
import org.uepdeid.anonymizer.policy.Policy;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.anonymizer.table.ResultJson;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.layout.AtomicPublisher;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.layout.Publication;
import org.uepdeid.jobs.layout.PublishedOrder;
import org.uepdeid.jobs.layout.ReleaseBlockedException;
import org.uepdeid.jobs.layout.StagedOutput;
import org.uepdeid.jobs.manifest.Accounting;
import org.uepdeid.jobs.manifest.CodeVersion;
import org.uepdeid.jobs.manifest.DatasetCount;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.release.Audience;
import org.uepdeid.jobs.release.PublishedFolder;
import org.uepdeid.jobs.release.ReleaseLog;

/**
 * Makes the day's per-device profiles k-anonymous (or whatever the policy asks) and publishes them.
 *
 * <ol>
 *   <li>Spark encodes each quasi-identifier to its hierarchy row and groups the devices into a frequency table;</li>
 *   <li>the engine searches the generalization lattice on that table, on the driver;</li>
 *   <li>Spark applies the chosen levels and suppression in one pass and writes the microdata, each device's class
 *       (internal, for the aggregates) and the devices no hierarchy could place (quarantine).</li>
 * </ol>
 * The engine's work depends on the number of distinct quasi-identifier tuples, not on the number of devices.
 */
public record AnonymizeJob(SparkSession spark, PipelineConfig config, Clock clock) {

    public static final String NAME = "anonymize";
    /** The value a suppressed record carries in every quasi-identifier, as in ARX. */
    public static final String SUPPRESSED = Transformation.SUPPRESSED;
    /** The column of staging/classes that says whether the device's class was suppressed. */
    public static final String SUPPRESSED_COLUMN = "suppressed";

    private static final Logger LOG = LoggerFactory.getLogger(AnonymizeJob.class);
    private static final String KEY_SEPARATOR = "\u001F";
    private static final String COUNT = "__count";
    private static final String FIRST = "__first";
    private static final String SENSITIVE_CODE = "__sensitive";

    /** Anonymizes the day and publishes the microdata at once. */
    public RunManifest run(LocalDate date) throws IOException {
        new ReleaseLog(new DataRoot(config.dataRoot()), spark.sparkContext().hadoopConfiguration())
                .requireUnreleased(date, NAME);
        return run(date, Publication.IMMEDIATE);
    }

    /**
     * Anonymizes the day; the microdata goes to {@code publication} once written ({@code run} holds it until verified).
     * The internal outputs (staging/classes, quarantine) are replaced at once: later stages of the run read them.
     */
    public RunManifest run(LocalDate date, Publication publication) throws IOException {
        Instant start = clock.instant();
        DataRoot root = new DataRoot(config.dataRoot());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path profilesPath = root.stagingProfiles(date);
        if (!profilesPath.getFileSystem(hadoop).exists(profilesPath)) {
            throw new ConfigException("no staging profiles for this --date: " + profilesPath
                    + " does not exist; run profile first");
        }
        PolicySpec spec = config.anonymization().policy();
        Dataset<Row> profiles = ProfileEncoding.asStrings(spark.read().parquet(profilesPath.toString()), spec)
                .cache();
        try {
            return anonymize(date, start, root, hadoop, profilesPath, spec, profiles, publication);
        } finally {
            profiles.unpersist();
        }
    }

    private RunManifest anonymize(LocalDate date, Instant start, DataRoot root, Configuration hadoop,
                                  Path profilesPath, PolicySpec spec, Dataset<Row> profiles,
                                  Publication publication) throws IOException {
        long devices = profiles.count();
        ProfileEncoding encoding = ProfileEncoding.of(spec, profiles);
        Policy policy = encoding.policy();
        List<String> qis = encoding.quasiIdentifiers();
        String sensitive = policy.sensitive();

        List<Column> coded = new ArrayList<>();
        coded.add(col(StagingEvents.DEVICE_PSEUDONYM));
        qis.forEach(q -> coded.add(col(q)));
        if (sensitive != null) {
            coded.add(col(sensitive));
        }
        Column placeable = lit(true);
        for (int j = 0; j < qis.size(); j++) {
            coded.add(encoding.code(qis.get(j)).as(codeColumn(j)));
            placeable = placeable.and(col(codeColumn(j)).isNotNull());
        }
        Dataset<Row> all = profiles.select(coded.toArray(Column[]::new));
        Dataset<Row> placed = all.filter(placeable);
        Dataset<Row> unplaced = all.filter(placeable.unary_$bang()).select(col(StagingEvents.DEVICE_PSEUDONYM),
                unplacedReason(qis).as("reason"), unplacedAttribute(qis).as("attribute"));

        List<String> sensitiveValues = sensitive == null ? null
                : placed.select(sensitive).distinct().orderBy(sensitive).as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        FrequencyTable table = frequencyTable(placed, qis.size(), sensitive, sensitiveValues);
        LOG.info("anonymize {}: {} devices, {} distinct quasi-identifier tuples; searching", date, devices,
                table.size());
        if (table.records() == 0) {
            throw new ReleaseBlockedException("no device of " + date + " can be placed in the hierarchies ("
                    + devices + " profiles); see quarantine/anonymize/dt=" + date);
        }
        AnonymizationResult result = Anonymizer.anonymize(table, policy);
        if (!result.hasSolution()) {
            throw new ReleaseBlockedException(result.message());
        }
        LOG.info("anonymize {}: levels {} ({}), {} records suppressed, smallest class {}, loss {}, {} "
                        + "transformations checked in {} ms", date, result.transformation(), result.optimal()
                        ? "optimal" : "best found in time", result.suppressedRecords(), result.minClassSize(),
                result.informationLoss(), result.transformationsChecked(), result.searchMillis());

        Column suppressed = suppressedColumn(encoding, result.transformation());
        List<Column> classColumns = new ArrayList<>();
        classColumns.add(col(StagingEvents.DEVICE_PSEUDONYM));
        for (int j = 0; j < qis.size(); j++) {
            classColumns.add(when(suppressed, lit(SUPPRESSED))
                    .otherwise(encoding.generalized(qis.get(j), result.levels()[j])).as(qis.get(j)));
        }
        classColumns.add(suppressed.as(SUPPRESSED_COLUMN));
        if (sensitive != null) {
            classColumns.add(col(sensitive));
        }
        Dataset<Row> placedClasses = placed.select(classColumns.toArray(Column[]::new));

        AtomicPublisher publisher = new AtomicPublisher(hadoop);
        long quarantined = writeQuarantine(publisher, root.anonymizeQuarantine(date), unplaced);
        Map<String, Long> byReason = quarantineCounts(root.anonymizeQuarantine(date));
        String runId = RunManifest.newRunId(start);
        JsonNode privacy = privacy(spec, policy, result);
        List<DatasetCount> inputs = List.of(new DatasetCount(profilesPath.toString(), devices));
        // The classes carry the levels too: aggregate publishes every label of those levels (ClassLabels).
        writeClasses(publisher, placedClasses, unplaced, qis, sensitive, new RunManifest(runId, NAME, date,
                CodeVersion.current(), config.source().sha256(), inputs,
                List.of(new DatasetCount(root.stagingClasses(date).toString(), devices)), null, privacy, null,
                Map.of()));

        List<String> published = new ArrayList<>(qis);
        if (sensitive != null) {
            published.add(sensitive);
        }
        try (StagedOutput microdata = publisher.stage(root.publishedDeviceProfiles(date))) {
            PublishedOrder.sorted(placedClasses.select(published.stream().map(org.apache.spark.sql.functions::col)
                    .toArray(Column[]::new)), table.records()).write().parquet(microdata.temporary().toString());
            long rows = spark.read().parquet(microdata.temporary().toString()).count();
            Accounting accounting = new Accounting(devices, rows, byReason, 0, 0, 0, 0).requireBalanced();
            RunManifest manifest = new RunManifest(runId, NAME, date, CodeVersion.current(),
                    config.source().sha256(), inputs,
                    List.of(new DatasetCount(microdata.target().toString(), rows)), accounting,
                    privacy, null, extra(published, quarantined, table.size(),
                    config.releases().microdataAudience()));
            new ManifestFile(hadoop).write(microdata.temporary(), manifest);
            publication.complete(microdata);
            LOG.info("anonymize {}: wrote {} device rows, {} devices quarantined", date, rows, quarantined);
            return manifest;
        }
    }

    private static String codeColumn(int j) {
        return "__code" + j;
    }

    /** The first quasi-identifier a device's value cannot be placed in, and why. */
    private static Column unplacedAttribute(List<String> qis) {
        Column attribute = lit(null).cast("string");
        for (int j = qis.size() - 1; j >= 0; j--) {
            attribute = when(col(codeColumn(j)).isNull(), lit(qis.get(j))).otherwise(attribute);
        }
        return attribute;
    }

    private static Column unplacedReason(List<String> qis) {
        Column reason = lit(null).cast("string");
        for (int j = qis.size() - 1; j >= 0; j--) {
            reason = when(col(codeColumn(j)).isNull(), when(col(qis.get(j)).equalTo(ProfileEncoding.MISSING),
                    lit("missing_value")).otherwise(lit("value_not_in_hierarchy"))).otherwise(reason);
        }
        return reason;
    }

    /** The distributed group-by that turns devices into the engine's input; only the groups reach the driver. */
    private static FrequencyTable frequencyTable(Dataset<Row> placed, int dimensions, String sensitive,
                                                 List<String> sensitiveValues) {
        List<Column> keys = new ArrayList<>();
        for (int j = 0; j < dimensions; j++) {
            keys.add(col(codeColumn(j)));
        }
        Dataset<Row> input = placed;
        if (sensitive != null) {
            input = input.withColumn(SENSITIVE_CODE, org.apache.spark.sql.functions.array_position(
                    lit(sensitiveValues.toArray(String[]::new)), col(sensitive)).minus(1).cast("int"));
            keys.add(col(SENSITIVE_CODE));
        }
        // First rows order classes of equal size for the risk-based models; a hash of the pseudonym keeps re-runs
        // of the same day deterministic where Spark's row order is not.
        Dataset<Row> groups = input.groupBy(keys.toArray(Column[]::new))
                .agg(count(lit(1)).as(COUNT), min(xxhash64(col(StagingEvents.DEVICE_PSEUDONYM))).as(FIRST));
        FrequencyTableBuilder builder = FrequencyTable.builder(dimensions,
                sensitive == null ? null : new FrequencyTable.SensitiveValues(sensitive, sensitiveValues));
        int[] codes = new int[dimensions];
        for (Iterator<Row> it = groups.toLocalIterator(); it.hasNext(); ) {
            Row row = it.next();
            for (int j = 0; j < dimensions; j++) {
                codes[j] = row.getInt(j);
            }
            builder.add(codes, sensitive == null ? 0 : row.getInt(dimensions), row.getAs(COUNT), row.getAs(FIRST));
        }
        return builder.build();
    }

    /** Whether a device's class is suppressed: its generalized tuple is one of the classes the engine suppressed. */
    private static Column suppressedColumn(ProfileEncoding encoding, Transformation transformation) {
        if (transformation.suppressedClasses().isEmpty()) {
            return lit(false);
        }
        Object[] keys = transformation.suppressedClasses().stream().map(labels -> String.join(KEY_SEPARATOR, labels))
                .toArray();
        int[] levels = transformation.levelArray();
        List<Column> generalized = new ArrayList<>();
        for (int j = 0; j < levels.length; j++) {
            generalized.add(encoding.generalized(encoding.quasiIdentifiers().get(j), levels[j]));
        }
        return concat_ws(KEY_SEPARATOR, generalized.toArray(Column[]::new)).isin(keys);
    }

    private long writeQuarantine(AtomicPublisher publisher, Path target, Dataset<Row> unplaced) throws IOException {
        try (StagedOutput out = publisher.stage(target)) {
            unplaced.write().parquet(out.temporary().toString());
            long rows = spark.read().parquet(out.temporary().toString()).count();
            out.publish();
            return rows;
        }
    }

    private Map<String, Long> quarantineCounts(Path quarantine) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Row row : spark.read().parquet(quarantine.toString()).groupBy("reason").count().orderBy("reason")
                .collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        return counts;
    }

    /**
     * Every device of the day gets a class row; the ones no hierarchy could place count as suppressed. The manifest
     * goes beside them, with the levels the rows were generalized to.
     */
    private void writeClasses(AtomicPublisher publisher, Dataset<Row> placedClasses, Dataset<Row> unplaced,
                              List<String> qis, String sensitive, RunManifest manifest) throws IOException {
        Path target = new Path(manifest.outputs().get(0).path());
        List<Column> columns = new ArrayList<>();
        columns.add(col(StagingEvents.DEVICE_PSEUDONYM));
        qis.forEach(q -> columns.add(lit(SUPPRESSED).as(q)));
        columns.add(lit(true).as(SUPPRESSED_COLUMN));
        if (sensitive != null) {
            columns.add(lit(null).cast("string").as(sensitive));
        }
        try (StagedOutput out = publisher.stage(target)) {
            placedClasses.unionByName(unplaced.select(columns.toArray(Column[]::new)))
                    .write().parquet(out.temporary().toString());
            new ManifestFile(spark.sparkContext().hadoopConfiguration()).write(out.temporary(), manifest);
            out.publish();
        }
    }

    /** The manifest's privacy section: the contract keys first, then the engine's full result. */
    private static JsonNode privacy(PolicySpec spec, Policy policy, AnonymizationResult result) {
        ObjectNode json = ResultJson.of(spec, result);
        ObjectNode privacy = JsonNodeFactory.instance.objectNode();
        privacy.set("quasi_identifiers", json.get("quasi_identifiers"));
        privacy.set("sensitive", json.get("sensitive"));
        privacy.set("models", json.get("models"));
        privacy.put("suppression_limit", policy.suppressionLimit());
        privacy.set("levels", json.get("transformation"));
        privacy.put("suppressed_records", result.suppressedRecords());
        privacy.put("min_class_size", result.minClassSize());
        ObjectNode loss = privacy.putObject("information_loss");
        loss.put("metric", policy.metric().type());
        loss.set("value", json.get("information_loss"));
        ObjectNode heights = privacy.putObject("hierarchy_heights");
        policy.quasiIdentifiers().forEach(h -> heights.put(h.attribute(), h.height()));
        privacy.set("risk", json.get("risk"));
        privacy.put("transformations_checked", result.transformationsChecked());
        privacy.put("search_ms", result.searchMillis());
        privacy.put("optimal", result.optimal());
        return privacy;
    }

    private static Map<String, JsonNode> extra(List<String> published, long quarantined, int distinctTuples,
                                               Audience audience) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put(PublishedFolder.AUDIENCE, f.textNode(audience.word()));
        extra.put("accounting_unit", f.textNode("devices (staging/profiles rows)"));
        extra.put("schema", f.arrayNode().addAll(published.stream().map(f::textNode).toList()));
        extra.put("quarantined_devices", f.numberNode(quarantined));
        extra.put("distinct_tuples", f.numberNode(distinctTuples));
        return extra;
    }
}

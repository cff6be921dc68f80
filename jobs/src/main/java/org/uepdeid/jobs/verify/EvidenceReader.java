package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.uepdeid.jobs.manifest.RunManifest;

/**
 * Reads the {@link Evidence} of a published output with Spark: its files, rows and manifest, every value as text for
 * the scans, and, for microdata, the equivalence classes by a group-by over the published quasi-identifier columns.
 * Nothing here calls the anonymization engine: the classes are whatever the published values make them.
 *
 * @param policy  what the release is checked against; its quasi-identifiers form the classes
 * @param staging the day's internal identifiers, handed on to the checks that join with them
 */
record EvidenceReader(SparkSession spark, DeclaredPolicy policy, StagingDay staging) {

    /** The value every quasi-identifier of a suppressed record holds. */
    static final String SUPPRESSED = "*";
    static final String MANIFEST_COLUMN_PREFIX = RunManifest.FILE_NAME + ":";
    private static final String CLASS_SIZE = "__size";
    /** Manifest fields that are hashes: long hex strings, where a digit run can look like a phone number by chance. */
    private static final List<String> HASH_FIELDS = List.of("config_sha256");
    private static final JsonMapper JSON = new JsonMapper();

    /** Reads one output; call {@link Evidence#unpersist()} when its checks are done. */
    Evidence read(PublishedOutput output) throws IOException {
        FileSystem fs = output.location().getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> files = new ArrayList<>();
        for (FileStatus status : fs.listStatus(output.location())) {
            files.add(status.getPath().getName() + (status.isDirectory() ? "/" : ""));
        }
        // Only the Parquet parts are read: anything else in the folder is the allow-list check's finding, not data.
        String[] parts = files.stream().filter(f -> f.endsWith(".parquet") && !f.startsWith("_") && !f.startsWith("."))
                .map(f -> new Path(output.location(), f).toString()).toArray(String[]::new);
        Dataset<Row> rows = (parts.length > 0 ? spark.read().parquet(parts) : spark.emptyDataFrame()).cache();
        Dataset<Row> values = values(rows, output.manifest()).cache();
        Optional<ClassSizes> classes = output.kind() == OutputKind.MICRODATA
                ? Optional.of(classSizes(rows, policy.quasiIdentifiers().stream()
                        .filter(Arrays.asList(rows.columns())::contains).toList(), output.manifest()))
                : Optional.empty();
        return new Evidence(output, policy, files, rows, values, classes, staging);
    }

    /**
     * Sizes of the classes the published quasi-identifier columns form. The all-{@code *} tuple is the suppressed
     * records, unless the manifest puts every quasi-identifier at the top of its hierarchy: then it is the one class
     * of a release generalized entirely, and the levels check confirms or refutes that claim.
     */
    private static ClassSizes classSizes(Dataset<Row> rows, List<String> qis, RunManifest manifest) {
        if (qis.isEmpty()) {
            long records = rows.count();
            return new ClassSizes(records == 0 ? new TreeMap<>() : new TreeMap<>(Map.of(records, 1L)), 0);
        }
        Dataset<Row> classes = rows.groupBy(qis.stream().map(q -> col(q)).toArray(Column[]::new))
                .agg(count(lit(1)).as(CLASS_SIZE));
        Column allSuppressed = lit(!everyLevelAtTop(manifest, qis));
        for (String q : qis) {
            allSuppressed = allSuppressed.and(col(q).eqNullSafe(SUPPRESSED));
        }
        TreeMap<Long, Long> bySize = new TreeMap<>();
        long suppressed = 0;
        for (Row row : classes.groupBy(allSuppressed.as("suppressed"), col(CLASS_SIZE)).count().collectAsList()) {
            if (row.getBoolean(0)) {
                suppressed += row.getLong(1) * row.getLong(2);
            } else {
                bySize.put(row.getLong(1), row.getLong(2));
            }
        }
        return new ClassSizes(bySize, suppressed);
    }

    private static boolean everyLevelAtTop(RunManifest manifest, List<String> qis) {
        if (manifest == null || manifest.privacy() == null) {
            return false;
        }
        JsonNode levels = manifest.privacy().path("levels");
        JsonNode heights = manifest.privacy().path("hierarchy_heights");
        return qis.stream().allMatch(q -> levels.path(q).isInt() && levels.path(q).equals(heights.path(q)));
    }

    /** One row per distinct (column, value): the data's columns as text, then the manifest's string fields. */
    private Dataset<Row> values(Dataset<Row> rows, RunManifest manifest) throws IOException {
        StructType schema = new StructType().add(Evidence.COLUMN, DataTypes.StringType)
                .add(Evidence.VALUE, DataTypes.StringType);
        List<Row> manifestValues = new ArrayList<>();
        if (manifest != null) {
            collectStrings(JSON.readTree(manifest.toJson()), "", manifestValues);
        }
        Dataset<Row> fromManifest = spark.createDataFrame(manifestValues, schema);
        if (rows.columns().length == 0) {
            return fromManifest;
        }
        List<Column> pairs = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            Column text = field.dataType() instanceof AtomicType ? col(field.name()).cast("string")
                    : to_json(col(field.name()));
            pairs.add(struct(lit(field.name()).as(Evidence.COLUMN), text.as(Evidence.VALUE)));
        }
        Dataset<Row> fromData = rows.select(explode(array(pairs.toArray(Column[]::new))).as("pair"))
                .select(col("pair." + Evidence.COLUMN), col("pair." + Evidence.VALUE))
                .filter(col(Evidence.VALUE).isNotNull());
        return fromData.union(fromManifest).distinct();
    }

    private static void collectStrings(JsonNode node, String path, List<Row> into) {
        if (node.isTextual()) {
            into.add(RowFactory.create(MANIFEST_COLUMN_PREFIX + path, node.asText()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrings(node.get(i), path + "[" + i + "]", into);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!HASH_FIELDS.contains(field.getKey())) {
                    collectStrings(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                            into);
                }
            }
        }
    }
}

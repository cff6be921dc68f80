package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * A linkage attack on the published microdata: an attacker who knows the raw quasi-identifiers of some devices (a
 * random sample of staging/profiles, plus every suppressed device) generalizes them through the policy's hierarchies
 * to the published levels and looks for matching records. No device may be matched with probability above 1/k (at
 * least k candidate records), and a suppressed device must match no published class at all.
 */
@ExtendWith(PublishedDayExtension.class)
class LinkageAttackTest {

    /** How a missing value is spelled for the hierarchies, as the anonymize job spells it. */
    private static final String MISSING = "(none)";
    private static final String SUPPRESSED_FLAG = "suppressed";

    @Test
    void noKnownDeviceIsMatchedWithProbabilityAboveOneOverK(PublishedDay day) throws IOException {
        SparkSession spark = SparkTestSession.get();
        PipelineConfig config = PublishedDay.config(day.data());
        DeclaredPolicy policy = DeclaredPolicy.of(config);
        DataRoot root = new DataRoot(config.dataRoot());
        List<String> qis = policy.quasiIdentifiers();
        JsonNode levels = new ManifestFile(spark.sparkContext().hadoopConfiguration())
                .read(root.publishedDeviceProfiles(PublishedDay.DAY)).privacy().get("levels");

        Dataset<Row> profiles = raw(spark.read().parquet(root.stagingProfiles(PublishedDay.DAY).toString()), qis);
        Map<String, Hierarchy> hierarchies = hierarchies(policy, profiles);
        Dataset<Row> classes = spark.read().parquet(root.stagingClasses(PublishedDay.DAY).toString())
                .select(col("device_pseudonym"), col(SUPPRESSED_FLAG));
        Dataset<Row> known = profiles.join(classes, "device_pseudonym");
        List<Row> attacked = known.sample(false, 0.3, 7).union(known.filter(col(SUPPRESSED_FLAG))).distinct()
                .collectAsList();
        Map<List<String>, Long> published =
                publishedClasses(spark, root.publishedDeviceProfiles(PublishedDay.DAY), qis);

        int matched = 0;
        int suppressed = 0;
        for (Row device : attacked) {
            List<String> tuple = new ArrayList<>();
            for (String q : qis) {
                Hierarchy h = hierarchies.get(q);
                int row = h.rowOf(device.getAs(q));
                tuple.add(row < 0 ? null : h.value(row, levels.get(q).asInt()));
            }
            if (tuple.contains(null)) {
                continue; // a value no hierarchy places: the device was quarantined, not published
            }
            long candidates = published.getOrDefault(tuple, 0L);
            if (device.<Boolean>getAs(SUPPRESSED_FLAG)) {
                suppressed++;
                assertThat(candidates).as("a suppressed device's generalized tuple is no published class")
                        .isZero();
            } else {
                matched++;
                assertThat(candidates).as("candidate records of a known device: its match probability is 1/%s",
                        candidates).isGreaterThanOrEqualTo(policy.k());
            }
        }
        assertThat(matched).as("devices the attack matched").isGreaterThan(50);
        assertThat(attacked.size()).isGreaterThanOrEqualTo(matched + suppressed);
    }

    /** The raw quasi-identifiers as text, a missing one spelled as the anonymize job spells it. */
    private static Dataset<Row> raw(Dataset<Row> profiles, List<String> qis) {
        List<Column> columns = new ArrayList<>();
        columns.add(col("device_pseudonym"));
        qis.forEach(q -> columns.add(coalesce(col(q).cast("string"), lit(MISSING)).as(q)));
        return profiles.select(columns.toArray(Column[]::new));
    }

    /** Each quasi-identifier's hierarchy: a CSV file whole, a builder over the distinct raw values of the day. */
    private static Map<String, Hierarchy> hierarchies(DeclaredPolicy policy, Dataset<Row> profiles) {
        Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
        for (String q : policy.quasiIdentifiers()) {
            HierarchySpec spec = policy.hierarchySpec(q);
            hierarchies.put(q, spec.fixed(q).orElseGet(() -> spec.build(q, profiles.select(q)
                    .filter(col(q).notEqual(MISSING)).distinct().as(Encoders.STRING()).collectAsList())));
        }
        return hierarchies;
    }

    /** Published records per quasi-identifier tuple: what the attacker matches against. */
    private static Map<List<String>, Long> publishedClasses(SparkSession spark, Path microdata, List<String> qis) {
        Map<List<String>, Long> classes = new HashMap<>();
        for (Row row : spark.read().parquet(microdata.toString()).groupBy(qis.stream().map(q -> col(q))
                .toArray(Column[]::new)).count().collectAsList()) {
            List<String> tuple = new ArrayList<>();
            for (int i = 0; i < qis.size(); i++) {
                tuple.add(row.getString(i));
            }
            classes.put(tuple, row.getLong(qis.size()));
        }
        return classes;
    }
}

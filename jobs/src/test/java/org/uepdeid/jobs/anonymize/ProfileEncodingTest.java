package org.uepdeid.jobs.anonymize;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.model.HierarchicalDistanceTCloseness;
import org.uepdeid.anonymizer.policy.Policy;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * How profiles meet the policy's hierarchies: a value a built hierarchy cannot place leaves that device unplaced
 * (anonymize quarantines it with the attribute named) instead of failing the day, and a hierarchical t-closeness
 * gets its hierarchy built from the day's sensitive values.
 */
class ProfileEncodingTest {

    private static final StructType PROFILES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("device", DataTypes.StringType, false),
            DataTypes.createStructField("cpu_cores", DataTypes.StringType, true),
            DataTypes.createStructField("app", DataTypes.StringType, true)));

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    private PolicySpec policy(String models) {
        String yaml = "quasi_identifiers: [{name: cpu_cores, hierarchy: {type: intervals, min: 1, max: 64, width: 4}}]\n"
                + "sensitive: app\nprivacy_models: " + models + "\nmetric: {type: loss}\n";
        return PolicySpec.read(DocumentNode.parse(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml",
                DocumentNode.Format.YAML), dir);
    }

    private static Dataset<Row> profiles(PolicySpec spec, String... coresAndApps) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < coresAndApps.length; i += 2) {
            rows.add(RowFactory.create("d" + i, coresAndApps[i], coresAndApps[i + 1]));
        }
        return ProfileEncoding.asStrings(spark.createDataFrame(rows, PROFILES), spec);
    }

    @Test
    void aValueTheBuiltHierarchyRejectsLeavesOnlyItsDeviceUnplaced() {
        PolicySpec spec = policy("[{type: k-anonymity, k: 2}]");
        Dataset<Row> profiles = profiles(spec, "4", "mail.client", "8", "mail.web", "many", "game.chess", null,
                "game.go");

        ProfileEncoding encoding = ProfileEncoding.of(spec, profiles);

        Map<String, Boolean> placed = new HashMap<>();
        for (Row row : profiles.select(col("device"), encoding.code("cpu_cores").isNotNull()).collectAsList()) {
            placed.put(row.getString(0), row.getBoolean(1));
        }
        assertThat(placed).containsExactlyInAnyOrderEntriesOf(Map.of("d0", true, "d2", true, "d4", false,
                "d6", false));
        assertThat(encoding.policy().quasiIdentifiers().get(0).baseValues()).containsExactly("4", "8");
    }

    @Test
    void hierarchicalTClosenessBuildsItsHierarchyFromTheSensitiveValues() {
        PolicySpec spec = policy("[{type: hierarchical-t-closeness, attribute: app, t: 0.5, "
                + "hierarchy: {type: masking, separator: \".\", levels: 1, mask: \"\"}}]");
        Dataset<Row> profiles = profiles(spec, "4", "mail.client", "8", "mail.web", "12", "game.chess");

        Policy policy = ProfileEncoding.of(spec, profiles).policy();

        HierarchicalDistanceTCloseness model = (HierarchicalDistanceTCloseness) policy.models().get(0);
        assertThat(model.hierarchy().baseValues()).containsExactlyInAnyOrder("mail.client", "mail.web", "game.chess");
        assertThat(model.hierarchy().value(model.hierarchy().rowOf("mail.web"), 1)).isEqualTo("mail");
    }
}

package org.uepdeid.jobs.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.testing.SparkTestSession;

/** l-diversity and t-closeness over published classes streamed from Spark, the suppressed class left out. */
class SensitiveAttributeCheckTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void reportsTheWorstClassOfEachDeclaredModel() throws Exception {
        JsonNode policy = JSON.readTree("""
                {"quasi_identifiers": [{"name": "region", "hierarchy": {"type": "masking", "separator": ".", "levels": 1}}],
                 "sensitive": "disease",
                 "privacy_models": [{"type": "k-anonymity", "k": 4},
                                    {"type": "distinct-l-diversity", "attribute": "disease", "l": 2},
                                    {"type": "equal-t-closeness", "attribute": "disease", "t": 0.3}],
                 "suppression_limit": 0.2, "metric": {"type": "loss"}}""");
        java.nio.file.Path base = java.nio.file.Path.of(".").toAbsolutePath();
        DeclaredPolicy declared = new DeclaredPolicy(PolicySpec.read(DocumentNode.of(policy, "test"), base), 10);
        // Class a: flu 3, hiv 1. Class b: flu 1, cold 2, hiv 1. Suppressed: hiv 1 (in the release's distribution).
        Dataset<Row> rows = rows(SparkTestSession.get(), "a:flu", "a:flu", "a:flu", "a:hiv", "b:flu", "b:cold",
                "b:cold", "b:hiv", "*:hiv");
        Evidence evidence = new Evidence(new PublishedOutput("microdata/test", OutputKind.MICRODATA,
                LocalDate.of(2026, 11, 27), new Path("file:/nowhere"), null, "none"), declared, List.of(), rows,
                rows, Optional.of(new ClassSizes(new TreeMap<>(Map.of(4L, 2L)), 1)), null);

        List<CheckResult> results = new SensitiveAttributeCheck().evaluate(evidence);

        assertThat(results).extracting(CheckResult::name).containsExactly("l_diversity", "t_closeness");
        assertThat(results.get(0).measured()).isEqualTo(2.0);
        assertThat(results.get(0).passed()).isTrue();
        // Release shares flu 4/9, cold 2/9, hiv 3/9; class a: |3/4-4/9| + 2/9 + |1/4-3/9|, halved = 0.3056.
        double a = (Math.abs(0.75 - 4.0 / 9) + 2.0 / 9 + Math.abs(0.25 - 3.0 / 9)) / 2;
        assertThat((double) results.get(1).measured()).isCloseTo(a, within(1e-12));
        assertThat(results.get(1).passed()).isFalse();
    }

    private static Dataset<Row> rows(SparkSession spark, String... regionAndDisease) {
        StructType schema = new StructType().add("region", DataTypes.StringType).add("disease", DataTypes.StringType);
        return spark.createDataFrame(Arrays.stream(regionAndDisease)
                .map(r -> RowFactory.create(r.split(":")[0], r.split(":")[1])).toList(), schema);
    }
}

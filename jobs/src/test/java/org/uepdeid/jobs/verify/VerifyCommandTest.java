package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.uepdeid.jobs.verify.PublishedDay.DAY;
import static org.uepdeid.jobs.verify.PublishedDay.MICRODATA;
import static org.uepdeid.jobs.verify.PublishedDay.STATS;
import static org.uepdeid.jobs.verify.PublishedDay.compliance;
import static org.uepdeid.jobs.verify.PublishedDay.failed;
import static org.uepdeid.jobs.verify.PublishedDay.report;
import static org.uepdeid.jobs.verify.PublishedDay.results;
import static org.uepdeid.jobs.verify.PublishedDay.verifyDay;
import static org.uepdeid.jobs.verify.PublishedDay.verifyFolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.cli.UepDeid;
import org.uepdeid.jobs.config.ExitCodes;
import org.uepdeid.jobs.config.ProductNames;
import org.uepdeid.jobs.testing.PlantedPersonalData;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * {@code uep-deid verify} on a release of the real pipeline: the untouched release passes; each kind of tampering
 * makes it exit 1 with the check that catches it failing; the report never holds a staging or landing value.
 *
 * <p>The untouched day is verified once for the class. A tampering test verifies only the folder it tampers with
 * ({@code verify PATH}): every check measures one output, so that folder's results are those a day's verify gives
 * it, and the untouched day's report shows every other folder passing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PublishedDayExtension.class)
class VerifyCommandTest {

    private static final String PLANTED_IP = "203.0.113.7";

    private SparkSession spark;
    private PublishedDay day;
    private Set<String> secrets;
    private Path untouched;
    private int untouchedExit;

    @TempDir
    Path dir;

    @BeforeAll
    void verifyTheUntouchedDay(PublishedDay released, @TempDir Path copy) {
        spark = SparkTestSession.get();
        day = released;
        secrets = day.secrets();
        untouched = day.copy(copy);
        untouchedExit = verifyDay(untouched);
    }

    @Test
    void anUntouchedReleasePassesEveryCheck() throws IOException {
        assertThat(untouchedExit).isEqualTo(ExitCodes.DONE);

        JsonNode report = compliance(untouched);
        assertThat(report.get("status").asText()).isEqualTo("passed");
        assertThat(failed(report)).isEmpty();
        assertThat(report.get("date").asText()).isEqualTo(DAY.toString());
        assertThat(report.get("release").asText()).isEqualTo("published/**/dt=" + DAY);
        assertThat(names(report)).contains("k_anonymity", "suppression_rate", "risk_prosecutor_max",
                "risk_prosecutor_average", "risk_journalist", "risk_marketer", "records_at_risk", "pii_patterns",
                "staging_identifiers", "schema_allow_list", "manifest_accounting", "manifest_claims",
                "generalization_levels", "min_devices", "differencing", "row_order");
        JsonNode k = results(report, "k_anonymity").get(0);
        assertThat(k.get("target").asText()).isEqualTo("microdata/device_profiles");
        assertThat(k.get("threshold").asInt()).isEqualTo(10);
        assertThat(k.get("measured").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(report.get("targets")).as("the microdata and every statistics product")
                .hasSize(1 + ProductNames.PRODUCTS.size());
        assertThat(results(report, "min_devices")).as("one per statistics product")
                .hasSize(ProductNames.PRODUCTS.size());
        assertLeaksNothing(report(untouched));
    }

    @Test
    void theReportCarriesTheDistributionsTheHtmlReportDraws() throws IOException {
        JsonNode report = compliance(untouched);
        long records = 0;
        for (JsonNode size : report.at("/distributions/class_sizes")) {
            assertThat(size.get("size").asLong()).isGreaterThanOrEqualTo(10);
            assertThat(size.get("records").asLong())
                    .isEqualTo(size.get("size").asLong() * size.get("classes").asLong());
            records += size.get("records").asLong();
        }
        long inBuckets = 0;
        for (JsonNode bucket : report.at("/distributions/risk")) {
            inBuckets += bucket.get("records").asLong();
        }
        JsonNode suppression = report.get("suppression");
        assertThat(inBuckets).isEqualTo(records);
        assertThat(records + suppression.get("suppressed_records").asLong())
                .isEqualTo(suppression.get("records").asLong());
        assertThat(suppression.get("limit").asDouble()).isEqualTo(0.02);
        assertThat(report.at("/distributions/risk/0/bucket").asText()).isEqualTo("(0,0.01]");
    }

    @Test
    void aRawIpInAColumnFailsThePersonalDataScan() throws IOException {
        Path root = day.copy(dir);
        day.rewrite(root, MICRODATA, rows -> firstRow(rows, "language", lit(PLANTED_IP)));

        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode report = compliance(root, MICRODATA);
        JsonNode pii = results(report, "pii_patterns").get(0);
        assertThat(pii.get("passed").asBoolean()).isFalse();
        assertThat(pii.get("measured").asLong()).isEqualTo(1);
        assertThat(pii.get("detail").asText()).contains("ipv4 in language: 1");
        assertThat(pii.get("sample").get(0).asText()).isEqualTo("203.***");
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertLeaksNothing(report(root, MICRODATA));
    }

    @Test
    void eachVariantTheIssueProbedWithFailsThePersonalDataScan() throws IOException {
        Path root = day.copy(dir);
        List<String> variants = List.copyOf(PlantedPersonalData.VARIANTS.keySet());
        day.rewrite(root, MICRODATA, rows -> plantedInTurn(rows, "language", variants));

        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode pii = results(compliance(root, MICRODATA), "pii_patterns").get(0);
        assertThat(pii.get("measured").asLong()).isEqualTo(variants.size());
        for (String kind : Set.copyOf(PlantedPersonalData.VARIANTS.values())) {
            assertThat(pii.get("detail").asText()).contains(kind + " in language");
        }
        assertThat(failed(compliance(root, MICRODATA))).contains("pii_patterns");
    }

    @Test
    void aRawDeviceIdInAQuarantinedCopyFailsTheQuarantineScan() throws IOException {
        assertThat(untouchedExit).isEqualTo(ExitCodes.DONE);
        assertThat(results(compliance(untouched), "quarantine_identifiers").get(0).get("passed").asBoolean())
                .isTrue();
        Path root = day.copy(dir);
        String deviceId = spark.read().text(root.resolve("landing/dt=" + DAY).toString())
                .select(get_json_object(col("value"), "$.device_id").as("id")).filter(col("id").isNotNull())
                .first().getString(0);
        String quarantine = "quarantine/dt=" + DAY;
        day.replaceRows(root, quarantine, firstRow(spark.read().parquet(root.resolve(quarantine).toString()),
                "redacted_line", lit("{\"device_id\":\"" + deviceId + "\"}")));

        assertThat(verifyFolder(root, MICRODATA)).as("the quarantine scan is the microdata's")
                .isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode scan = results(compliance(root, MICRODATA), "quarantine_identifiers").get(0);
        assertThat(scan.get("measured").asLong()).isEqualTo(1);
        assertThat(failed(compliance(root, MICRODATA))).containsExactly("quarantine_identifiers");
        assertThat(Files.readString(report(root, MICRODATA))).doesNotContain(deviceId);
    }

    @Test
    void anAddressInAManifestTextFailsButAStorageLocationDoesNot() throws IOException {
        Path root = day.copy(dir);
        PublishedDay.editManifest(root, STATS, m -> ((ObjectNode) m.get("inputs").get(0))
                .put("path", "hdfs://10.0.0.5:8020/uep/staging/classes/dt=" + DAY));
        assertThat(verifyFolder(root, STATS)).as("a cluster addressed by IP").isEqualTo(ExitCodes.DONE);

        PublishedDay.editManifest(root, STATS, m -> m.put("description", "uploaded from " + PLANTED_IP));
        assertThat(verifyFolder(root, STATS)).isEqualTo(ExitCodes.CHECKS_FAILED);
        JsonNode pii = target(results(compliance(root, STATS), "pii_patterns"), "stats/os_adoption");
        assertThat(pii.get("detail").asText()).contains("ipv4 in _manifest.json:description: 1");
        assertThat(failed(compliance(root, STATS))).containsExactly("pii_patterns");
    }

    @Test
    void rowsInPseudonymOrderFailRowOrder() throws IOException {
        Path root = day.copy(dir);
        // The microdata as anonymize wrote it before rows were sorted: the placed devices' classes in pseudonym order.
        Dataset<Row> classes = spark.read().parquet(root.resolve("staging/classes/dt=" + DAY).toString());
        Dataset<Row> unplaced = spark.read().parquet(root.resolve("quarantine/anonymize/dt=" + DAY).toString())
                .select("device_pseudonym");
        Column[] published = Stream.of(spark.read().parquet(root.resolve(MICRODATA).toString()).columns())
                .map(c -> col(c)).toArray(Column[]::new);
        day.replaceRows(root, MICRODATA, classes.join(unplaced, classes.col("device_pseudonym")
                .equalTo(unplaced.col("device_pseudonym")), "left_anti").orderBy("device_pseudonym").select(published));

        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode order = results(compliance(root, MICRODATA), "row_order").get(0);
        assertThat(order.get("measured").asLong()).isPositive();
        assertThat(failed(compliance(root, MICRODATA))).containsExactly("row_order");
    }

    @Test
    void aClassBelowKFailsKAnonymity() throws IOException {
        Path root = day.copy(dir);
        // One device moved to a tuple of its own: its new class has 1 record.
        day.rewrite(root, MICRODATA, rows -> firstRow(rows, "region", lit("an unseen region")));

        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode k = results(compliance(root, MICRODATA), "k_anonymity").get(0);
        assertThat(k.get("passed").asBoolean()).isFalse();
        assertThat(k.get("measured").asLong()).isLessThan(10);
        assertThat(k.get("sample")).isNotEmpty();
        assertThat(failed(compliance(root, MICRODATA))).contains("k_anonymity", "risk_prosecutor_max",
                "records_at_risk", "generalization_levels");
        assertLeaksNothing(report(root, MICRODATA));
    }

    @Test
    void anExtraColumnFailsTheAllowListEvenWhenTheManifestDeclaresIt() throws IOException {
        Path root = day.copy(dir);
        day.rewrite(root, MICRODATA, rows -> rows.withColumn("install_note", lit("x")));
        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);
        assertThat(results(compliance(root, MICRODATA), "schema_allow_list").get(0).get("passed").asBoolean())
                .isFalse();

        PublishedDay.editManifest(root, MICRODATA, m -> ((ArrayNode) m
                .get("schema")).add("install_note"));
        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);
        JsonNode schema = results(compliance(root, MICRODATA), "schema_allow_list").get(0);
        assertThat(schema.get("passed").asBoolean()).isFalse();
        assertThat(schema.get("detail").asText()).contains("1 published column(s) not declared by both");
    }

    @Test
    void aStrayFileInAPublishedFolderFailsTheAllowList() throws IOException {
        Path root = day.copy(dir);
        Files.writeString(root.resolve(STATS).resolve("extra.csv"), "os_version,devices\n");

        assertThat(verifyFolder(root, STATS)).isEqualTo(ExitCodes.CHECKS_FAILED);

        assertThat(failed(compliance(root, STATS))).containsExactly("schema_allow_list");
    }

    @Test
    void aStatisticsCellUnderMinDevicesFails() throws IOException {
        Path root = day.copy(dir);
        day.rewrite(root, STATS, rows -> firstRow(rows, "devices", lit(3L)));

        assertThat(verifyFolder(root, STATS)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode report = compliance(root, STATS);
        JsonNode cells = target(results(report, "min_devices"), "stats/os_adoption");
        assertThat(cells.get("passed").asBoolean()).isFalse();
        assertThat(cells.get("measured").asLong()).isEqualTo(3);
        assertThat(cells.get("sample")).hasSize(1);
        assertThat(failed(report)).contains("min_devices").doesNotContain("k_anonymity");
    }

    @Test
    void cellsThatSubtractionFromAPublicTotalWouldRevealFailDifferencing() throws IOException {
        Path root = day.copy(dir);
        long published = spark.read().parquet(root.resolve(STATS).toString())
                .agg(sum("devices")).first().getLong(0);
        // A day of 5 more devices than the cells show: subtraction would isolate 5, fewer than min_devices.
        PublishedDay.editManifest(root, STATS, m -> ((ObjectNode) m.get("inputs").get(0)).put("rows",
                published + 5));

        assertThat(verifyFolder(root, STATS)).isEqualTo(ExitCodes.CHECKS_FAILED);

        assertThat(failed(compliance(root, STATS))).containsExactly("differencing");
    }

    @Test
    void aManifestThatLiesAboutKFailsItsClaims() throws IOException {
        Path root = day.copy(dir);
        PublishedDay.editManifest(root, MICRODATA, m -> {
            ((ObjectNode) m.at("/privacy/models/0")).put("k", 5);
            ((ObjectNode) m.get("privacy")).put("min_class_size", 25);
        });

        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode claims = results(compliance(root, MICRODATA), "manifest_claims").get(0);
        assertThat(claims.get("passed").asBoolean()).isFalse();
        assertThat(claims.get("measured").asInt()).isEqualTo(2);
        assertThat(claims.get("detail").asText()).contains("models: claims").contains("min_class_size: claims 25");
        assertThat(failed(compliance(root, MICRODATA))).containsExactly("manifest_claims");
    }

    @Test
    void aManifestWhoseRowCountDisagreesFailsItsAccounting() throws IOException {
        Path root = day.copy(dir);
        PublishedDay.editManifest(root, MICRODATA, m -> ((ObjectNode) m.get("outputs").get(0)).put("rows", 1));

        assertThat(verifyFolder(root, MICRODATA)).isEqualTo(ExitCodes.CHECKS_FAILED);

        assertThat(failed(compliance(root, MICRODATA))).containsExactly("manifest_accounting");
    }

    @Test
    void aPseudonymCopiedIntoAPublishedColumnFailsTheStagingJoin() throws IOException {
        Path root = day.copy(dir);
        String pseudonym = day.aPseudonym();
        day.rewrite(root, STATS, rows -> firstRow(rows, "os_version", lit(pseudonym)));

        assertThat(verifyFolder(root, STATS)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode join = target(results(compliance(root, STATS), "staging_identifiers"), "stats/os_adoption");
        assertThat(join.get("passed").asBoolean()).isFalse();
        assertThat(join.get("detail").asText()).contains("os_version: 1");
        assertThat(join.get("sample").get(0).asText()).isEqualTo(pseudonym.substring(0, 2) + "***");
        assertLeaksNothing(report(root, STATS));
    }

    @Test
    void aRawDeviceIdInAManifestFailsTheStagingJoin() throws IOException {
        Path root = day.copy(dir);
        String deviceId = spark.read().text(root.resolve("landing/dt=" + DAY).toString())
                .select(get_json_object(col("value"), "$.device_id").as("id")).filter(col("id").isNotNull())
                .as(Encoders.STRING()).first();
        PublishedDay.editManifest(root, STATS, m -> m.put("description", deviceId));

        assertThat(verifyFolder(root, STATS)).isEqualTo(ExitCodes.CHECKS_FAILED);

        JsonNode join = target(results(compliance(root, STATS), "staging_identifiers"), "stats/os_adoption");
        assertThat(join.get("detail").asText()).contains("_manifest.json:description: 1");
        assertLeaksNothing(report(root, STATS));
    }

    @Test
    void oneFolderCanBeVerifiedAloneWithoutReplacingTheDaysReport() throws IOException {
        Path root = day.copy(dir);

        int exit = UepDeid.commandLine().execute("verify", root.resolve(STATS).toString(), "--config",
                PublishedDay.CONFIG.toString(), "--data-root", root.toString());

        assertThat(exit).isEqualTo(ExitCodes.DONE);
        // Spelled out rather than through PublishedDay.report, which assumes this very name.
        Path report = root.resolve("reports/dt=" + DAY + "/compliance-stats.os_adoption.json");
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("\"release\" : \"" + STATS + "\"");
        assertThat(root.resolve("reports/dt=" + DAY + "/compliance.json")).doesNotExist();
    }

    @Test
    void badUsageExitsTwo() {
        Path root = day.copy(dir);
        assertThat(UepDeid.commandLine().execute("verify", "--config", PublishedDay.CONFIG.toString()))
                .as("neither --date nor PATH").isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(UepDeid.commandLine().execute("verify", "--date", DAY.toString(), root.resolve(STATS).toString(),
                "--config", PublishedDay.CONFIG.toString())).as("both").isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(UepDeid.commandLine().execute("verify", "--date", DAY.plusDays(1).toString(), "--config",
                PublishedDay.CONFIG.toString(), "--data-root", root.toString())).as("nothing published that day")
                .isEqualTo(ExitCodes.BAD_USAGE);
    }

    /** No pseudonym, raw device id or planted personal value anywhere in the report's text. */
    private void assertLeaksNothing(Path report) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(secrets).as("values the report must not contain").hasSizeGreaterThan(300);
        assertThat(secrets.stream().filter(s -> s.length() > 3 && text.contains(s)).toList()).isEmpty();
    }

    private static JsonNode target(List<JsonNode> results, String target) {
        return results.stream().filter(c -> c.get("target").asText().equals(target)).findFirst().orElseThrow();
    }

    private static Set<String> names(JsonNode report) {
        Set<String> names = new HashSet<>();
        report.get("checks").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    /** The first rows' {@code column}, one value each, in row order. */
    private static Dataset<Row> plantedInTurn(Dataset<Row> rows, String column, List<String> values) {
        Dataset<Row> numbered = rows.withColumn("__n", row_number().over(Window.orderBy(monotonically_increasing_id())));
        Column planted = col(column);
        for (int i = values.size() - 1; i >= 0; i--) {
            planted = when(col("__n").equalTo(i + 1), lit(values.get(i))).otherwise(planted);
        }
        return numbered.withColumn(column, planted).drop("__n");
    }

    /** The rows with {@code column} of one (the first by a stable id) replaced by {@code value}. */
    private static Dataset<Row> firstRow(Dataset<Row> rows, String column, Column value) {
        Dataset<Row> numbered = rows.withColumn("__id", monotonically_increasing_id());
        long first = numbered.agg(min("__id")).first().getLong(0);
        return numbered.withColumn(column, when(col("__id").equalTo(first), value).otherwise(col(column)))
                .drop("__id");
    }
}

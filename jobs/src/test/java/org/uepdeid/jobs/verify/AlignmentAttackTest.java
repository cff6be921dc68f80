package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sha2;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.anonymize.AnonymizeJob;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PseudonymKey;
import org.uepdeid.jobs.generate.GenerateRequest;
import org.uepdeid.jobs.generate.TelemetryGenerator;
import org.uepdeid.jobs.ingest.IngestJob;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.profile.ProfileJob;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * The attack of a recipient who keeps every day's files: align two consecutive days of mostly the same devices by
 * position. The longest common subsequence of the two days' rows measures how much of one day's row order recurs in
 * the next; chance is the same measure against the second day released from the same devices under another pseudonym
 * key and another input order, which keeps every published value and destroys any order the pseudonyms or the input
 * impose. Rows written in pseudonym order align at about 99 % and far above chance; written in the order of their
 * values alone, the second day is the same file whatever the pseudonyms, so the attack learns exactly chance.
 */
class AlignmentAttackTest {

    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 27);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);
    private static final int DEVICES = 400;

    @TempDir
    Path dir;

    @Test
    void positionsLinkNoMoreRowsAcrossDaysThanChance() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path generatorConfig = dir.resolve("generate.yaml");
        Files.writeString(generatorConfig, "generate:\n  ip_regions: "
                + PublishedDay.REPO.resolve("jobs-config/ip-regions.csv") + "\n");
        Path data = dir.resolve("data");
        TelemetryGenerator.prepare(new GenerateRequest(data.toString(), DAY_1, 2, DEVICES, 5, 0.0,
                Optional.of(generatorConfig), Optional.empty())).writeLanding(spark);
        PipelineConfig config = PublishedDay.config(data);
        Clock clock = Clock.systemUTC();
        for (LocalDate day : List.of(DAY_1, DAY_2)) {
            new IngestJob(spark, config, PseudonymKey.demo(), clock).run(day);
            new ProfileJob(spark, config, clock).run(day);
            new AnonymizeJob(spark, config, clock).run(day);
        }
        // The same devices of day 2 under other pseudonyms, read in another order.
        DataRoot root = new DataRoot(config.dataRoot());
        Path rekeyed = dir.resolve("rekeyed");
        PipelineConfig rekeyedConfig = PublishedDay.config(rekeyed);
        spark.read().parquet(root.stagingProfiles(DAY_2).toString())
                .withColumn("device_pseudonym", sha2(concat(col("device_pseudonym"), lit("another key")), 256))
                .orderBy(rand(11)).write()
                .parquet(new DataRoot(rekeyedConfig.dataRoot()).stagingProfiles(DAY_2).toString());
        new AnonymizeJob(spark, rekeyedConfig, clock).run(DAY_2);

        List<List<String>> day1 = rowsInFileOrder(spark, root.publishedDeviceProfiles(DAY_1).toString());
        List<List<String>> day2 = rowsInFileOrder(spark, root.publishedDeviceProfiles(DAY_2).toString());
        List<List<String>> day2Rekeyed = rowsInFileOrder(spark,
                new DataRoot(rekeyedConfig.dataRoot()).publishedDeviceProfiles(DAY_2).toString());
        assertThat(day2).as("the two days share most devices").hasSizeGreaterThan(DEVICES / 2);

        int attack = longestCommonSubsequence(day1, day2);
        int chance = longestCommonSubsequence(day1, day2Rekeyed);
        assertThat(attack).as("rows aligned by position (%d of %d) against chance (%d)", attack, day2.size(),
                chance).isLessThanOrEqualTo(chance);
        assertThat(day2Rekeyed).as("the published day does not depend on the pseudonyms or the input order")
                .isEqualTo(day2);
    }

    /** The published rows, each as its values, in the order they stand in the files (file name, then row index). */
    private static List<List<String>> rowsInFileOrder(SparkSession spark, String folder) {
        var rows = spark.read().parquet(folder);
        List<Column> values = new ArrayList<>();
        for (String c : rows.columns()) {
            values.add(col(c).cast("string"));
        }
        List<List<String>> ordered = new ArrayList<>();
        for (Row row : rows.select(col("_metadata.file_name").as("f"), col("_metadata.row_index").as("i"),
                        org.apache.spark.sql.functions.array(values.toArray(Column[]::new)).as("v"))
                .orderBy("f", "i").collectAsList()) {
            ordered.add(row.getList(2));
        }
        return ordered;
    }

    private static int longestCommonSubsequence(List<List<String>> a, List<List<String>> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (List<String> x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}

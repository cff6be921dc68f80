package org.uepdeid.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A data root holding one reported day: the hand-written manifests and compliance.json of
 * {@code src/test/resources/org/uepdeid/jobs/report/day}, a tiny published {@code os_adoption} table, and staging and
 * landing files carrying {@link #SENTINEL} values that must never reach the report.
 */
final class ReportDay {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    /** Part of every value planted in staging, landing and the manifests' paths. */
    static final String SENTINEL = "SENTINEL";

    private static final StructType OS_ADOPTION = new StructType()
            .add("os_version", DataTypes.StringType).add("edition", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("devices", DataTypes.LongType);

    private ReportDay() {
    }

    static void write(SparkSession spark, Path root) throws IOException {
        copyFixtures(root);
        writeParquet(spark.createDataFrame(List.of(
                RowFactory.create("20.1070.*", "home", "north", 12L),
                RowFactory.create("20.1070.*", "professional", "east", 120L),
                RowFactory.create("20.*", "*", "*", 45L)), OS_ADOPTION),
                root.resolve("published/stats/os_adoption/dt=" + DAY), root);
        writeParquet(spark.createDataFrame(List.of(RowFactory.create(SENTINEL + "_STAGING_PSEUDONYM", "x", "y", 1L)),
                OS_ADOPTION), root.resolve("staging/events/dt=" + DAY), root);
        Path landing = Files.createDirectories(root.resolve("landing/dt=" + DAY));
        Files.writeString(landing.resolve("upload.jsonl"), "{\"device_id\":\"" + SENTINEL + "_LANDING_DEVICE\"}\n",
                StandardCharsets.UTF_8);
    }

    private static void copyFixtures(Path root) throws IOException {
        Path fixtures;
        try {
            fixtures = Path.of(ReportDay.class.getResource("day").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(fixtures)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path target = root.resolve(fixtures.relativize(file).toString());
                try {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Adds the rows' Parquet files to {@code folder}, keeping the manifest already there. */
    private static void writeParquet(Dataset<Row> rows, Path folder, Path root) throws IOException {
        Path scratch = root.resolve("_scratch");
        rows.coalesce(1).write().parquet(scratch.toString());
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(scratch)) {
            for (Path part : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(part, folder.resolve(part.getFileName()));
            }
        }
        try (Stream<Path> leftovers = Files.walk(scratch)) {
            leftovers.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
        }
    }
}

package org.uepdeid.jobs.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.testing.SparkTestSession;

class AtomicPublisherTest {

    private static final StructType LABEL = new StructType().add("label", DataTypes.StringType);

    @TempDir
    Path dir;

    private final AtomicPublisher publisher = new AtomicPublisher(new Configuration());

    @Test
    void publishesIntoPlaceAndReplacesThePreviousOutput() throws IOException {
        Path target = dir.resolve("zone/dt=2026-11-27");
        write(target, "old.txt");

        try (StagedOutput output = publisher.stage(hadoop(target))) {
            assertThat(output.temporary().getName()).startsWith("dt=2026-11-27-");
            assertThat(output.temporary().getParent().getName()).isEqualTo("_staging");
            write(Path.of(output.temporary().toUri()), "new.txt");
            output.publish();
        }

        assertThat(target.resolve("new.txt")).exists();
        assertThat(target.resolve("old.txt")).doesNotExist();
        assertThat(siblings(target)).containsExactly("dt=2026-11-27");
    }

    @Test
    void anOutputThatIsNotPublishedLeavesThePreviousOneAndNoLeftovers() throws IOException {
        Path target = dir.resolve("zone/dt=2026-11-27");
        write(target, "old.txt");

        try (StagedOutput output = publisher.stage(hadoop(target))) {
            write(Path.of(output.temporary().toUri()), "half.txt");
        }

        assertThat(target.resolve("old.txt")).exists();
        assertThat(siblings(target)).containsExactly("dt=2026-11-27");
    }

    @Test
    void removesADirectoryWithEverythingInItAndLeavesNoHiddenSibling() throws IOException {
        Path target = dir.resolve("zone/dt=2026-11-27");
        write(target.resolve("part"), "data.txt");
        write(dir.resolve("zone/dt=2026-11-28"), "kept.txt");

        publisher.remove(hadoop(target));

        assertThat(target).doesNotExist();
        assertThat(siblings(target)).containsExactly("dt=2026-11-28");
    }

    @Test
    void aWholeZoneReadDuringARunSeesOnlyPublishedDays() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path zone = dir.resolve("published/microdata/device_profiles");
        spark.createDataFrame(List.of(RowFactory.create("published")), LABEL).write()
                .parquet(zone.resolve("dt=2026-11-26").toString());

        try (StagedOutput output = publisher.stage(hadoop(zone.resolve("dt=2026-11-27")))) {
            spark.createDataFrame(List.of(RowFactory.create("not verified yet")), LABEL).write()
                    .parquet(output.temporary().toString());

            Dataset<Row> zoneRead = spark.read().parquet(zone.toString());
            assertThat(zoneRead.columns()).containsExactly("label", "dt");
            assertThat(zoneRead.select("label").as(Encoders.STRING()).collectAsList()).containsExactly("published");
            assertThat(spark.read().parquet(output.temporary().toString()).count()).as("the job reads its own").isOne();
        }
        assertThat(siblings(zone.resolve("dt=2026-11-26"))).containsExactly("dt=2026-11-26");
    }

    private static org.apache.hadoop.fs.Path hadoop(Path path) {
        return new org.apache.hadoop.fs.Path(path.toUri());
    }

    private static void write(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(name), name);
    }

    private static String[] siblings(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toArray(String[]::new);
        }
    }
}

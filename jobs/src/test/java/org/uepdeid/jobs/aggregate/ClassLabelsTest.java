package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.config.PipelineConfigReader;
import org.uepdeid.jobs.layout.DataRoot;
import org.uepdeid.jobs.manifest.ManifestFile;
import org.uepdeid.jobs.manifest.RunManifest;
import org.uepdeid.jobs.testing.RepoConfig;
import org.uepdeid.jobs.testing.SparkTestSession;

/** The labels of the anonymized classes at the day's levels, and the closed domain they give os_adoption. */
class ClassLabelsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String DP = """
              privacy:
                mechanism: discrete-gaussian
                period_days: 30
                budget: {epsilon: 10.0, delta: 1.0e-7}
            """;
    /** region by macro-region, os_version without its build, edition as is; hardware coarsened. */
    private static final Map<String, Integer> LEVELS = Map.of("region", 1, "os_version", 1, "edition", 0,
            "cpu_family", 2, "memory_mb", 1, "disk_total_gb", 3, "language", 1);

    private static SparkSession spark;
    private static PipelineConfig config;

    @BeforeAll
    static void repoConfig(@TempDir Path dir) {
        spark = SparkTestSession.get();
        config = new PipelineConfigReader().read(RepoConfig.withPrivacy(dir.resolve("pipeline.yaml"), DP))
                .withDataRoot(dir.resolve("data").toUri());
    }

    private static ClassLabels labels(Map<String, Integer> levels) {
        return ClassLabels.of(config.anonymization().policy(), config.aggregates().vocabularies(), levels, "test");
    }

    @Test
    void everyLabelOfTheChosenLevelIsKnownWithoutTheData() {
        ClassLabels labels = labels(LEVELS);

        assertThat(labels.of("region")).get().asList().containsExactlyInAnyOrder("North China", "Northeast",
                "East China", "Central South", "Southwest", "Northwest", "(none)", "*");
        assertThat(labels.of("os_version")).as("the vocabulary's versions without their build, other, *").get()
                .asList().containsExactly("20.1000.*", "20.1010.*", "20.1020.*", "20.1030.*", "20.1040.*",
                        "20.1050.*", "20.1060.*", "20.1070.*", "23.1010.*", "23.1020.*", "other", "*");
        assertThat(labels.of("memory_mb")).get().asList().startsWith("<1024", "[1024, 2048)", "[2048, 4096)")
                .endsWith("[524288, 1048576)", ">=1048576", "*").hasSize(13);
        assertThat(labels.of("cpu_family")).get().asList().containsExactly("international", "domestic", "*");
        assertThat(labels.of("language")).as("masking without a vocabulary: its labels follow the data").isEmpty();
    }

    @Test
    void atTheTopOfAHierarchyTheOnlyLabelIsTheRoot() {
        assertThat(labels(Map.of("os_version", 3)).of("os_version")).get().asList().containsExactly("*");
    }

    @Test
    void aLevelOutsideTheHierarchyNamesWhereItCameFromAndWhatToDo() {
        assertThatThrownBy(() -> labels(Map.of("region", 9))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("test: levels.region = 9: ").hasMessageContaining("has no level 9; its levels are 0..2")
                .hasMessageContaining("run anonymize again");
    }

    @Test
    void osAdoptionOverKnownLabelsPublishesTheSameCellsWhateverTheDevicesAndNeverARareVersion() {
        ClassLabels labels = labels(LEVELS);
        StatsProduct os = product(labels, "os_adoption");
        ProductPrivacy privacy = ProductPrivacy.of(config.aggregates(), labels, "os_adoption");
        long expectedCells = (long) labels.of("os_version").orElseThrow().size()
                * labels.of("edition").orElseThrow().size() * labels.of("region").orElseThrow().size();

        assertThat(os.domain().kind()).isEqualTo(CellDomain.Kind.PUBLIC);
        assertThat(os.domain().publicCells()).hasSize((int) expectedCells);
        assertThat(privacy.selectionDelta()).as("a closed domain spends no δ on selection").isZero();
        assertThat(ProductPrivacy.of(config.aggregates(), "os_adoption").selectionDelta())
                .as("with the levels unknown, selected privately").isPositive();

        Dataset<Row> classes = classes();
        Set<List<String>> domain = new HashSet<>(os.domain().publicCells());
        for (int release = 0; release < 3; release++) {
            Set<List<String>> published = new HashSet<>();
            new NoisyCells(spark).cells(os, os.contributions().apply(classes), privacy).collectAsList()
                    .forEach(cell -> published.add(List.of(cell.getAs("os_version"), cell.getAs("edition"),
                            cell.getAs("region"))));
            assertThat(published).as("every cell of the domain, and only those").isEqualTo(domain);
        }
        List<Row> exact = NoisyCells.exactCells(os, ContributionBounds.perDeviceAndCell(os,
                os.contributions().apply(classes), true)).collectAsList();
        assertThat(exact).extracting(row -> row.<String>getAs("os_version")).doesNotContain("21.9.*");
        assertThat(exact).filteredOn(row -> row.getAs("os_version").equals("other"))
                .extracting(row -> row.<Long>getAs("devices")).as("the one device, counted under other")
                .containsExactly(1L);
        assertThat(exact).filteredOn(row -> row.getAs("os_version").equals("*"))
                .extracting(row -> row.<Long>getAs("devices")).as("suppressed devices under *, labels and all")
                .containsExactly(2L);
    }

    @Test
    void aBuildersBaseValuesOrADomainOverTheLimitAreSelectedPrivately() {
        ClassLabels coarse = labels(Map.of("cpu_family", 0, "memory_mb", 1, "disk_total_gb", 1));
        ClassLabels raw = labels(Map.of("cpu_family", 0, "memory_mb", 0, "disk_total_gb", 1));
        List<String> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "label-" + i).toList();
        ClassLabels tooMany = new ClassLabels(Map.of("cpu_family", many, "memory_mb", many, "disk_total_gb",
                List.of("*")));

        assertThat(product(coarse, "hardware_landscape").domain().kind()).isEqualTo(CellDomain.Kind.PUBLIC);
        assertThat(raw.of("memory_mb")).as("level 0 of intervals: the data's own numbers").isEmpty();
        assertThat(product(raw, "hardware_landscape").domain().kind()).isEqualTo(CellDomain.Kind.PRIVATE);
        assertThat(product(tooMany, "hardware_landscape").domain().kind()).as("40,000 cells a day")
                .isEqualTo(CellDomain.Kind.PRIVATE);
    }

    @Test
    void readsTheLevelsFromTheClassesManifestAndKnowsNoneWithoutIt() throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path classes = new DataRoot(config.dataRoot()).stagingClasses(DAY);
        assertThat(ClassLabels.read(hadoop, config, DAY)).isEqualTo(ClassLabels.UNKNOWN);

        ObjectNode privacy = JsonNodeFactory.instance.objectNode();
        ObjectNode levels = privacy.putObject("levels");
        LEVELS.forEach(levels::put);
        classes.getFileSystem(hadoop).mkdirs(classes);
        new ManifestFile(hadoop).write(classes, new RunManifest("run-1", "anonymize", DAY, "test", "0".repeat(64),
                List.of(), List.of(), null, privacy, null, Map.of()));

        assertThat(ClassLabels.read(hadoop, config, DAY)).isEqualTo(labels(LEVELS));
    }

    private static StatsProduct product(ClassLabels labels, String name) {
        return StatsProducts.all(config.aggregates(), labels).stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** 300 devices of a listed version, one of a version no vocabulary lists, two suppressed. */
    private static Dataset<Row> classes() {
        List<Row> rows = new ArrayList<>();
        for (int device = 0; device < 300; device++) {
            rows.add(RowFactory.create("device-" + device, "20.1070.*", "Professional", "East China", false));
        }
        rows.add(RowFactory.create("the-one-device", "21.9.*", "Professional", "East China", false));
        rows.add(RowFactory.create("suppressed-1", "20.1070.*", "Home", "Northwest", true));
        rows.add(RowFactory.create("suppressed-2", "*", "*", "*", true));
        return spark.createDataFrame(rows, new StructType().add("device_pseudonym", DataTypes.StringType)
                .add("os_version", DataTypes.StringType).add("edition", DataTypes.StringType)
                .add("region", DataTypes.StringType).add("suppressed", DataTypes.BooleanType));
    }
}

package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.dp.EpsilonDelta;
import org.uepdeid.anonymizer.dp.Mechanism;
import org.uepdeid.anonymizer.dp.PrivacyBudget;
import org.uepdeid.anonymizer.dp.ShareWeights;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.PrivacySection;
import org.uepdeid.jobs.config.VocabulariesSection;
import org.uepdeid.jobs.testing.SparkTestSession;

/** The contribution bounds and the noisy cells of one product, on hand-made contributions. */
class NoisyCellsTest {

    private static final StructType APPS = new StructType().add("device_pseudonym", DataTypes.StringType)
            .add("app_id", DataTypes.StringType).add("app_version", DataTypes.StringType)
            .add("sessions", DataTypes.LongType).add("usage_minutes", DataTypes.LongType);
    private static final int L0 = 10;

    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    @Test
    void aDeviceThatUsedFiftyAppsFeedsAtMostMaxCellsPerDeviceAppCellsAChosenAtRandom() {
        StatsProduct apps = product(CellDomain.OPEN);
        Dataset<Row> contributions = spark.createDataFrame(fiftyAppsOfOneDevice(), APPS);
        Dataset<Row> perDevice = ContributionBounds.perDeviceAndCell(apps, contributions, true);

        Set<Set<String>> subsets = new HashSet<>();
        for (long seed = 1; seed <= 3; seed++) {
            List<Row> cells = NoisyCells.exactCells(apps, ContributionBounds.limitCells(perDevice, L0, seed))
                    .collectAsList();
            assertThat(cells).hasSize(L0);
            assertThat(cells).allSatisfy(cell -> assertThat(cell.<Long>getAs("devices")).isEqualTo(1L));
            Set<String> kept = new HashSet<>();
            cells.forEach(cell -> kept.add(cell.getAs("app_id")));
            subsets.add(kept);
        }
        assertThat(subsets).as("other randomness, another subset").hasSizeGreaterThan(1);
    }

    @Test
    void aClosedDomainPublishesEveryCellAndAnOpenOneOnlyCellsPastTheThreshold() {
        List<List<String>> domain = new ArrayList<>();
        for (int app = 0; app < 60; app++) {
            domain.add(List.of("app-" + app, "1.0"));
        }
        Dataset<Row> contributions = spark.createDataFrame(fiftyAppsOfOneDevice(), APPS);

        ProductPrivacy selected = privacy();
        ProductPrivacy everyCell = new ProductPrivacy(selected.product(), selected.share(), selected.measures(),
                Optional.empty());

        Dataset<Row> closed = new NoisyCells(spark).cells(product(new CellDomain(domain, false)), contributions,
                everyCell);
        Dataset<Row> open = new NoisyCells(spark).cells(product(CellDomain.OPEN), contributions, selected);

        assertThat(closed.count()).as("every cell of the domain, the ten no device used included").isEqualTo(60);
        assertThat(open.count()).as("cells of one device only do not pass the threshold").isZero();
    }

    @Test
    void aMixedDomainPublishesItsPublicCellsEveryTimeAndNoneOfOneDeviceOutsideThem() {
        Dataset<Row> contributions = spark.createDataFrame(fiftyAppsOfOneDevice(), APPS);
        StatsProduct mixed = product(CellDomain.mixed(List.of(List.of("app-0", "1.0"), List.of("app-unused", "1.0"))));

        for (int release = 0; release < 5; release++) {
            Set<String> apps = new HashSet<>();
            new NoisyCells(spark).cells(mixed, contributions, privacy()).collectAsList()
                    .forEach(cell -> apps.add(cell.getAs("app_id")));
            assertThat(apps).as("the public cells, the one no device used included, and no other")
                    .containsExactlyInAnyOrder("app-0", "app-unused");
        }
    }

    @Test
    void aKernelOutsideTheVocabularyOfOneDeviceNeverAppearsAndCountsUnderOther() {
        AggregatesSection aggregates = aggregates(new VocabulariesSection(
                Map.of(VocabulariesSection.KERNEL, List.of("5.10.0-amd64-desktop")), Map.of()));
        StatsProduct kernels = StatsProducts.all(aggregates).stream()
                .filter(p -> p.name().equals("kernel_versions")).findFirst().orElseThrow();
        List<Row> profiles = new ArrayList<>();
        for (int device = 0; device < 300; device++) {
            profiles.add(RowFactory.create("device-" + device, "5.10.0-amd64-desktop"));
        }
        profiles.add(RowFactory.create("the-one-device", "9.9.9-custom-built-by-its-owner"));
        Dataset<Row> rows = spark.createDataFrame(profiles, new StructType()
                .add("device_pseudonym", DataTypes.StringType).add("kernel", DataTypes.StringType));
        ProductPrivacy privacy = ProductPrivacy.of(aggregates, "kernel_versions");

        assertThat(privacy.selection()).as("a closed domain: nothing to select, no δ spent").isEmpty();
        for (int release = 0; release < 10; release++) {
            Map<String, Long> cells = new HashMap<>();
            new NoisyCells(spark).cells(kernels, kernels.contributions().apply(rows), privacy).collectAsList()
                    .forEach(cell -> cells.put(cell.getAs("kernel"), cell.getAs("devices")));
            assertThat(cells).as("the vocabulary, other and *: the same cells whatever the devices")
                    .containsOnlyKeys("5.10.0-amd64-desktop", "other", "*");
        }
        // The device's kernel is counted, under other, where the bounded contributions put it.
        Dataset<Row> exact = NoisyCells.exactCells(kernels,
                ContributionBounds.perDeviceAndCell(kernels, kernels.contributions().apply(rows), true));
        assertThat(exact.filter("kernel = 'other'").first().<Long>getAs("devices")).isEqualTo(1L);
    }

    @Test
    void aListedSettingIsClosedItsOddValueCountsUnderOtherAndAnUnlistedSettingIsSelected() {
        AggregatesSection aggregates = aggregates(new VocabulariesSection(Map.of(),
                Map.of("mouse.speed", List.of("3", "5"), "theme", List.of("light", "dark"))));
        StatsProduct settings = StatsProducts.all(aggregates).stream()
                .filter(p -> p.name().equals("settings_popularity")).findFirst().orElseThrow();
        // 300 devices with mouse speed 3; one with speed 11, and with a key no vocabulary lists.
        Dataset<Row> profiles = spark.range(301).selectExpr("concat('device-', id) AS device_pseudonym",
                "'light' AS theme", "CAST(NULL AS STRING) AS power_mode", "CAST(NULL AS STRING) AS launcher_mode",
                "CAST(NULL AS STRING) AS sound_theme", "CAST(NULL AS STRING) AS wallpaper_category",
                "map('position', 'bottom') AS dock", "map('top_left', 'none') AS hot_corners",
                "IF(id = 300, map('speed', '11', 'acceleration_profile', 'flat-by-its-owner'), map('speed', '3'))"
                        + " AS mouse");
        Set<List<String>> publicCells = new HashSet<>(settings.domain().publicCells());

        assertThat(publicCells).as("each listed setting's values, other, and a scalar's *").contains(
                List.of("mouse.speed", "3"), List.of("mouse.speed", "5"), List.of("mouse.speed", "other"),
                List.of("theme", "other"), List.of("theme", "*")).doesNotContain(List.of("mouse.speed", "*"));
        Dataset<Row> exact = NoisyCells.exactCells(settings,
                ContributionBounds.perDeviceAndCell(settings, settings.contributions().apply(profiles), true));
        assertThat(exact.filter("setting = 'mouse.speed' AND value = 'other'").first().<Long>getAs("devices"))
                .as("speed 11 counted under other").isEqualTo(1L);
        assertThat(exact.filter("value = '11'").count()).isZero();
        assertThat(exact.filter("setting = 'mouse.acceleration_profile'").count())
                .as("a setting the vocabulary does not list keeps its values, for partition selection").isOne();
        ProductPrivacy privacy = ProductPrivacy.of(aggregates, "settings_popularity");
        for (int release = 0; release < 5; release++) {
            Set<List<String>> published = new HashSet<>();
            new NoisyCells(spark).cells(settings, settings.contributions().apply(profiles), privacy).collectAsList()
                    .forEach(cell -> published.add(List.of(cell.getAs("setting"), cell.getAs("value"))));
            assertThat(published).as("the public cells always; the one device's own setting never")
                    .containsAll(publicCells).noneMatch(cell -> cell.get(0).equals("mouse.acceleration_profile"));
        }
    }

    private static List<Row> fiftyAppsOfOneDevice() {
        List<Row> rows = new ArrayList<>();
        for (int app = 0; app < 50; app++) {
            rows.add(RowFactory.create("device-1", "app-" + app, "1.0", 1L, 600L));
        }
        return rows;
    }

    private static StatsProduct product(CellDomain domain) {
        return new StatsProduct("app_usage", "apps", StagingInput.EVENTS, List.of("app_id", "app_version"),
                List.of(Measure.count("sessions", 20), Measure.minutesFromSeconds("usage_minutes", 480)), List.of(),
                domain, UnaryOperator.identity());
    }

    /** app_usage's privacy at the repository's budget: an open domain, so with partition selection. */
    private static ProductPrivacy privacy() {
        return ProductPrivacy.of(aggregates(VocabulariesSection.NONE), "app_usage");
    }

    /** The repository's budget and bounds over {@code vocabularies}. */
    private static AggregatesSection aggregates(VocabulariesSection vocabularies) {
        PrivacyBudget budget = new PrivacyBudget(Mechanism.DISCRETE_GAUSSIAN.accounting(), 30,
                new EpsilonDelta(10, 1e-7), Optional.empty());
        PrivacySection section = new PrivacySection(Optional.of(Mechanism.DISCRETE_GAUSSIAN),
                Optional.of(budget), ShareWeights.EVEN, PrivacySection.DEFAULT_MAX_CELLS);
        return new AggregatesSection(20, 480, 3, 10, section, vocabularies);
    }
}

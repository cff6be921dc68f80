package org.uepdeid.jobs.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.uepdeid.jobs.staging.StagingEvents;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * The suppression rule on its own, with min_devices = 3, over cells (group, value) written as "devices per cell":
 * each case states its cells and the status every cell must get.
 */
class CellSuppressionTest {

    static final StructType CONTRIBUTIONS = new StructType()
            .add(StagingEvents.DEVICE_PSEUDONYM, DataTypes.StringType)
            .add("group", DataTypes.StringType)
            .add("value", DataTypes.StringType)
            .add("amount", DataTypes.LongType);
    static final String PUBLISHED = CellStatus.PUBLISHED.code();
    static final String BELOW = CellStatus.BELOW_MIN_DEVICES.code();
    static final String COMPLEMENTARY = CellStatus.COMPLEMENTARY.code();

    static SparkSession spark;

    private final List<Row> rows = new ArrayList<>();

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSession.get();
    }

    @Test
    void aLoneCellBelowTheThresholdTakesTheSmallestPublishedCellWithIt() {
        cell("g", "rare", "a", "b");
        cell("g", "small", "c", "d", "e");
        cell("g", "big", "f", "g", "h", "i");

        assertThat(statuses(List.of())).containsOnly(entry("g|rare", BELOW), entry("g|small", COMPLEMENTARY),
                entry("g|big", PUBLISHED));
    }

    @Test
    void twoCellsBelowThatTogetherHoldMinDevicesNeedNoPartner() {
        cell("g", "one", "a");
        cell("g", "two", "b", "c");
        cell("g", "small", "d", "e", "f");

        assertThat(statuses(List.of())).containsOnly(entry("g|one", BELOW), entry("g|two", BELOW),
                entry("g|small", PUBLISHED));
    }

    @Test
    void cellsBelowAreJudgedByTheirDistinctDevicesNotTheSumOfTheirCounts() {
        // Two cells of the same two devices: 4 by the sum, but subtraction would describe only 2 devices.
        cell("g", "x", "a", "b");
        cell("g", "y", "a", "b");
        cell("g", "small", "c", "d", "e");
        cell("g", "big", "f", "g", "h", "i");

        assertThat(statuses(List.of())).containsEntry("g|small", COMPLEMENTARY).containsEntry("g|big", PUBLISHED);
    }

    @Test
    void eachMarginIsProtectedOnItsOwn() {
        cell("theme", "rare", "a");
        cell("theme", "light", "b", "c", "d");
        cell("theme", "dark", "e", "f", "g", "h");
        cell("power", "balanced", "a", "b", "c");
        cell("power", "saver", "d", "e", "f");

        assertThat(statuses(List.of("group"))).containsOnly(entry("theme|rare", BELOW),
                entry("theme|light", COMPLEMENTARY), entry("theme|dark", PUBLISHED),
                entry("power|balanced", PUBLISHED), entry("power|saver", PUBLISHED));
    }

    @Test
    void amongEqualCellsTheOneWithTheSmallestLabelsIsWithheld() {
        cell("g", "rare", "a");
        cell("g", "m", "b", "c", "d");
        cell("g", "k", "e", "f", "g");

        assertThat(statuses(List.of())).containsEntry("g|k", COMPLEMENTARY).containsEntry("g|m", PUBLISHED);
    }

    @Test
    void aMarginWithNothingPublishableStaysUnpublished() {
        cell("g", "rare", "a", "b");

        assertThat(statuses(List.of())).containsOnly(entry("g|rare", BELOW));
    }

    @Test
    void aNullLabelIsStarAndANullAmountAddsNothingRatherThanTheBound() {
        rows.add(RowFactory.create("a", "g", null, 2L));
        rows.add(RowFactory.create("b", "g", null, null));
        rows.add(RowFactory.create("c", "g", null, 50L));
        StatsProduct product = product(List.of(Measure.count("amount", 10)), List.of());

        Row cell = new CellSuppression(3).cells(product, spark.createDataFrame(rows, CONTRIBUTIONS)).first();

        assertThat(cell.<String>getAs("value")).isEqualTo(CellSuppression.NOT_DISCLOSED);
        assertThat(cell.<Long>getAs("devices")).isEqualTo(3);
        assertThat(cell.<Long>getAs("amount")).isEqualTo(2 + 0 + 10);
    }

    /** Adds one contribution row per device to the cell (group, value). */
    private void cell(String group, String value, String... devices) {
        Arrays.stream(devices).forEach(d -> rows.add(RowFactory.create(d, group, value, 1L)));
    }

    private Map<String, String> statuses(List<String> margins) {
        Map<String, String> statuses = new TreeMap<>();
        new CellSuppression(3).cells(product(List.of(), margins), spark.createDataFrame(rows, CONTRIBUTIONS))
                .collectAsList()
                .forEach(r -> statuses.put(r.getAs("group") + "|" + r.getAs("value"), r.getAs(CellSuppression.STATUS)));
        return statuses;
    }

    private static StatsProduct product(List<Measure> measures, List<String> margins) {
        return new StatsProduct("test", "cells for a test", StagingInput.EVENTS, List.of("group", "value"), measures,
                margins, CellDomain.OPEN, UnaryOperator.identity());
    }
}

package org.uepdeid.jobs.aggregate;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A summed measure of a product, bounded per device: a device's total in one cell is cut to {@code maxPerDevice}
 * before the cell sums it.
 *
 * <p>Contributions carry the measure in a whole unit ({@code unitsPerPublished} of them make one published unit:
 * 1 for counts, 60 for minutes summed from seconds) so that sums are exact and a re-run publishes the same figures.
 *
 * @param name              the contribution column and the published column
 * @param maxPerDevice      the bound, in the contribution's unit
 * @param unitsPerPublished contribution units in one published unit
 */
record Measure(String name, long maxPerDevice, int unitsPerPublished) {

    Measure {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("measure name must be snake case, got \"" + name + "\"");
        }
        if (maxPerDevice < 1 || unitsPerPublished < 1) {
            throw new IllegalArgumentException("measure " + name + ": bound and unit must be positive");
        }
    }

    /** A count of events (one per contribution row), at most {@code maxPerDevice} per device and cell. */
    static Measure count(String name, int maxPerDevice) {
        return new Measure(name, maxPerDevice, 1);
    }

    /** Minutes, contributed in seconds, at most {@code maxMinutes} per device and cell. */
    static Measure minutesFromSeconds(String name, int maxMinutes) {
        return new Measure(name, maxMinutes * 60L, 60);
    }

    /** The published value of a cell's bounded sum: counts as they are, minutes to one decimal. */
    Column published(Column boundedSum) {
        return unitsPerPublished == 1 ? boundedSum : round(boundedSum.divide(lit((double) unitsPerPublished)), 1);
    }

    DataType publishedType() {
        return unitsPerPublished == 1 ? DataTypes.LongType : DataTypes.DoubleType;
    }

    /** The bound in the published unit, as the manifest states it. */
    long publishedBound() {
        return maxPerDevice / unitsPerPublished;
    }
}

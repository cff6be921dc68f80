package org.uepdeid.jobs.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * One published statistics product: what it reads, how a row becomes a device's contribution to a cell, and the
 * cells' dimensions, measures and margins. Every product is published by the same path ({@link ProductPublisher}).
 *
 * @param name          the product's folder under {@code published/stats}
 * @param description   one line for operators and the manifest
 * @param input         the staging dataset it reads
 * @param dimensions    the cell's label columns, published as strings
 * @param measures      summed measures, each bounded per device and cell
 * @param margins       the dimensions whose values split the cells into margins for complementary suppression; empty
 *                      when the whole product is one margin
 * @param domain        the cells it can have without looking at the data, if known (differential privacy)
 * @param contributions from the input to rows of {@code device_pseudonym}, the dimensions and one column per measure
 *                      (the row's amount, before bounding)
 */
record StatsProduct(String name, String description, StagingInput input, List<String> dimensions,
                    List<Measure> measures, List<String> margins, CellDomain domain,
                    UnaryOperator<Dataset<Row>> contributions) {

    /** The published count of distinct devices in a cell: the figure the threshold applies to. */
    static final String DEVICES = "devices";

    StatsProduct {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        margins = List.copyOf(margins);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("product " + name + ": a product needs at least one dimension");
        }
        int labels = dimensions.size();
        if (domain.publicCells().stream().anyMatch(cell -> cell.size() != labels)) {
            throw new IllegalArgumentException("product " + name + ": its domain's cells must have one label per "
                    + "dimension " + dimensions);
        }
        if (!dimensions.containsAll(margins)) {
            throw new IllegalArgumentException("product " + name + ": margins " + margins
                    + " must be among its dimensions " + dimensions);
        }
    }

    /** The names of the noisy measures in published order: {@value #DEVICES}, then the summed ones. */
    List<String> measureNames() {
        List<String> names = new ArrayList<>();
        names.add(DEVICES);
        measures.forEach(m -> names.add(m.name()));
        return names;
    }

    /** The published columns in order: the dimensions, {@value #DEVICES}, then the measures. */
    List<PublishedColumn> schema() {
        List<PublishedColumn> columns = new ArrayList<>();
        dimensions.forEach(d -> columns.add(new PublishedColumn(d, DataTypes.StringType)));
        columns.add(new PublishedColumn(DEVICES, DataTypes.LongType));
        measures.forEach(m -> columns.add(new PublishedColumn(m.name(), m.publishedType())));
        return columns;
    }

    /**
     * The dimensions this product would read straight from its input but the input lacks. Only classes vary: they hold
     * a column for each quasi-identifier the anonymization policy names, and a dimension must never fall back to a
     * label the anonymization did not produce.
     */
    List<String> dimensionsMissingFrom(Dataset<Row> input) {
        if (this.input != StagingInput.CLASSES) {
            return List.of();
        }
        List<String> columns = Arrays.asList(input.columns());
        return dimensions.stream().filter(d -> !columns.contains(d)).toList();
    }
}

package org.uepdeid.reports;

import java.util.List;

/**
 * A published statistics product: its cell counts and its first rows, as a reader of {@code published/} sees them.
 *
 * @param publishedCells  rows of the published table
 * @param suppressedCells cells withheld (below {@code minDevices} or against differencing)
 * @param columns         the published columns, in order
 * @param rows            the first rows shown, each with one text per column
 * @param ordering        how {@code rows} were chosen, for the caption ({@code largest cells by devices})
 * @param guarantee       for a differentially private product, what it promises and spent (its cells are noisy,
 *                        none is withheld by a threshold, and {@code rows} carry 95 % intervals); empty for exact
 *                        cells under {@code minDevices}
 */
public record ProductPreview(String name, String description, long publishedCells, long suppressedCells,
                             long minDevices, List<String> columns, List<List<String>> rows, String ordering,
                             String guarantee) {

    public ProductPreview {
        Require.text("product name", name);
        description = description == null ? "" : description;
        Require.count(name + ": published cells", publishedCells);
        Require.count(name + ": suppressed cells", suppressedCells);
        Require.count(name + ": min devices", minDevices);
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("report: " + name + ": a row has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
        }
        Require.text(name + ": ordering", ordering);
        guarantee = guarantee == null ? "" : guarantee;
    }

    /** Exact cells under a threshold, as before differential privacy. */
    public ProductPreview(String name, String description, long publishedCells, long suppressedCells,
                          long minDevices, List<String> columns, List<List<String>> rows, String ordering) {
        this(name, description, publishedCells, suppressedCells, minDevices, columns, rows, ordering, "");
    }

    /** Whether the cells are differentially private. */
    public boolean differentiallyPrivate() {
        return !guarantee.isEmpty();
    }
}

package org.uepdeid.anonymizer.data;

import java.util.Arrays;

/**
 * Accumulates (quasi-identifier codes, sensitive code, count) entries into a {@link FrequencyTable}. Entries with
 * the same codes are merged, so a caller may feed raw records (count 1) or pre-aggregated groups (a Spark group-by).
 */
public final class FrequencyTableBuilder {

    private final int dimensions;
    private final FrequencyTable.SensitiveValues sensitive;
    private final TupleIndex index;
    private int[] counts = new int[1024];
    private long[] firstRows = new long[1024];
    private int[] histograms;

    FrequencyTableBuilder(int dimensions, FrequencyTable.SensitiveValues sensitive) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("a frequency table needs at least one quasi-identifier");
        }
        this.dimensions = dimensions;
        this.sensitive = sensitive;
        this.index = new TupleIndex(dimensions, 1024);
        this.histograms = sensitive == null ? null : new int[1024 * sensitive.size()];
    }

    /**
     * Adds {@code count} records with these quasi-identifier codes (hierarchy row indices) and sensitive code (ignored
     * without a sensitive attribute); {@code firstRow} is the input position of the first of them.
     */
    public FrequencyTableBuilder add(int[] codes, int sensitiveCode, long count, long firstRow) {
        if (codes.length != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " codes, got " + codes.length);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        int id = index.idOf(codes);
        if (id == counts.length) {
            counts = Arrays.copyOf(counts, id * 2);
            firstRows = Arrays.copyOf(firstRows, id * 2);
            if (histograms != null) {
                histograms = Arrays.copyOf(histograms, id * 2 * sensitive.size());
            }
        }
        long total = counts[id] + count;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " records share one tuple");
        }
        if (counts[id] == 0 || firstRow < firstRows[id]) {
            firstRows[id] = firstRow;
        }
        counts[id] = (int) total;
        if (histograms != null) {
            if (sensitiveCode < 0 || sensitiveCode >= sensitive.size()) {
                throw new IllegalArgumentException("sensitive code " + sensitiveCode + " is outside the dictionary of "
                        + sensitive.size() + " values of '" + sensitive.attribute() + "'");
            }
            histograms[id * sensitive.size() + sensitiveCode] += (int) count;
        }
        return this;
    }

    public FrequencyTable build() {
        int size = index.size();
        return new FrequencyTable(dimensions, index.keys(), Arrays.copyOf(counts, size),
                Arrays.copyOf(firstRows, size), sensitive,
                histograms == null ? null : Arrays.copyOf(histograms, size * sensitive.size()));
    }
}

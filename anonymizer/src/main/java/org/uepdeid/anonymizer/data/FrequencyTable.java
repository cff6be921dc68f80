package org.uepdeid.anonymizer.data;

import java.util.List;

/**
 * Distinct quasi-identifier tuples with their record counts, the first input row of each, and (when a sensitive
 * attribute is declared) each tuple's histogram of sensitive values.
 *
 * <p>The same type serves the base table (tuples of hierarchy row indices, i.e. level-0 labels) and the equivalence
 * classes of any generalization (tuples of label ids at that node's levels): {@link #rollUp} maps one to the other
 * without touching records. Memory is proportional to distinct tuples: flat primitive arrays only.
 */
public final class FrequencyTable {

    private final int dimensions;
    private final int[] keys;
    private final int[] counts;
    private final long[] firstRows;
    private final SensitiveValues sensitive;
    private final int[] histograms; // size * sensitive.size(), or null without a sensitive attribute
    private final long records;

    FrequencyTable(int dimensions, int[] keys, int[] counts, long[] firstRows, SensitiveValues sensitive,
                   int[] histograms) {
        this.dimensions = dimensions;
        this.keys = keys;
        this.counts = counts;
        this.firstRows = firstRows;
        this.sensitive = sensitive;
        this.histograms = histograms;
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        this.records = total;
    }

    /** Starts a base table over {@code dimensions} quasi-identifiers and an optional sensitive attribute. */
    public static FrequencyTableBuilder builder(int dimensions, SensitiveValues sensitive) {
        return new FrequencyTableBuilder(dimensions, sensitive);
    }

    public int dimensions() {
        return dimensions;
    }

    /** Number of distinct tuples (equivalence classes). */
    public int size() {
        return counts.length;
    }

    /** Total number of records over all tuples. */
    public long records() {
        return records;
    }

    public int count(int tuple) {
        return counts[tuple];
    }

    /** The label id of a tuple in one dimension. */
    public int key(int tuple, int dimension) {
        return keys[tuple * dimensions + dimension];
    }

    /** The smallest input row index of the tuple's records (ties among equal classes are broken by it). */
    public long firstRow(int tuple) {
        return firstRows[tuple];
    }

    /** The sensitive attribute's dictionary, or null when none is declared. */
    public SensitiveValues sensitive() {
        return sensitive;
    }

    /** The flat histogram array: tuple {@code t}'s frequencies are at {@code [t*M, (t+1)*M)}. Do not modify. */
    public int[] histograms() {
        return histograms;
    }

    /** The number of records per label of one dimension, indexed by label id. */
    public long[] marginal(int dimension, int labels) {
        long[] marginal = new long[labels];
        for (int t = 0; t < counts.length; t++) {
            marginal[keys[t * dimensions + dimension]] += counts[t];
        }
        return marginal;
    }

    /** The number of records per sensitive value over the whole table. */
    public long[] sensitiveTotals() {
        int m = sensitive.size();
        long[] totals = new long[m];
        for (int t = 0; t < counts.length; t++) {
            for (int s = 0; s < m; s++) {
                totals[s] += histograms[t * m + s];
            }
        }
        return totals;
    }

    /**
     * Groups the tuples under new keys: dimension {@code j}'s label {@code x} becomes {@code maps[j][x]} ({@code null}
     * keeps it). Counts and histograms add up; first rows take the minimum. {@code bounds[j]} bounds the new labels of
     * dimension {@code j}, which lets small keys be packed into one long.
     */
    public FrequencyTable rollUp(int[][] maps, int[] bounds) {
        return rollUp(maps, bounds, new RollUpBuffers());
    }

    /** As {@link #rollUp(int[][], int[])}, in scratch space shared with earlier roll-ups. */
    public FrequencyTable rollUp(int[][] maps, int[] bounds, RollUpBuffers buffers) {
        double labels = 1;
        for (int bound : bounds) {
            labels *= bound;
        }
        int expected = (int) Math.max(16, Math.min(counts.length, labels));
        TupleIndex index = TupleIndex.create(bounds, expected, buffers);
        // First each tuple's new class, then the classes' sums into arrays of their exact size.
        int[] target = buffers.targets(counts.length);
        if (index instanceof PackedTupleIndex packed) {
            packedTargets(maps, packed, target);
        } else {
            targets(maps, index, target);
        }
        int size = index.size();
        int m = sensitive == null ? 0 : sensitive.size();
        int[] outCounts = new int[size];
        long[] outFirst = new long[size];
        int[] outHist = m == 0 ? null : new int[size * m];
        for (int t = 0; t < counts.length; t++) {
            int id = target[t];
            if (outCounts[id] == 0 || firstRows[t] < outFirst[id]) {
                outFirst[id] = firstRows[t];
            }
            outCounts[id] += counts[t];
            if (outHist != null) {
                int from = t * m;
                int to = id * m;
                for (int s = 0; s < m; s++) {
                    outHist[to + s] += histograms[from + s];
                }
            }
        }
        return new FrequencyTable(dimensions, index.keys(), outCounts, outFirst, sensitive, outHist);
    }

    private void targets(int[][] maps, TupleIndex index, int[] target) {
        int[] key = new int[dimensions];
        for (int t = 0; t < counts.length; t++) {
            int base = t * dimensions;
            for (int j = 0; j < dimensions; j++) {
                int label = keys[base + j];
                key[j] = maps[j] == null ? label : maps[j][label];
            }
            target[t] = index.idOf(key);
        }
    }

    /** As {@link #targets}, composing each packed key from per-label shifted parts instead of packing a key row. */
    private void packedTargets(int[][] maps, PackedTupleIndex index, int[] target) {
        long[][] parts = new long[dimensions][];
        for (int j = 0; j < dimensions; j++) {
            if (maps[j] != null) {
                parts[j] = new long[maps[j].length];
                for (int label = 0; label < maps[j].length; label++) {
                    parts[j][label] = index.part(j, maps[j][label]);
                }
            }
        }
        for (int t = 0; t < counts.length; t++) {
            int base = t * dimensions;
            long packed = 0;
            for (int j = 0; j < dimensions; j++) {
                int label = keys[base + j];
                packed |= parts[j] == null ? index.part(j, label) : parts[j][label];
            }
            target[t] = index.idOfPacked(packed);
        }
    }

    /** An index from a tuple's key to its position in this table, for mapping records to their class. */
    public ClassLookup lookup() {
        TupleIndex index = new TupleIndex(dimensions, counts.length);
        int[] key = new int[dimensions];
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(keys, t * dimensions, key, 0, dimensions);
            index.idOf(key);
        }
        return index::find;
    }

    /** Finds the position of a key in the table it was built from. */
    @FunctionalInterface
    public interface ClassLookup {
        /** The tuple's position, or -1 if the table has no such key. */
        int positionOf(int[] key);
    }

    /** Approximate heap footprint in bytes, for the search's cache budget. */
    public long footprintBytes() {
        long perTuple = 4L * dimensions + 4 + 8 + (sensitive == null ? 0 : 4L * sensitive.size());
        return perTuple * counts.length + 64;
    }

    /** The sensitive attribute's values as dictionary codes: code {@code i} is {@code values().get(i)}. */
    public record SensitiveValues(String attribute, List<String> values) {
        public SensitiveValues {
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("sensitive attribute needs a name");
            }
            values = List.copyOf(values);
        }

        public int size() {
            return values.size();
        }
    }
}

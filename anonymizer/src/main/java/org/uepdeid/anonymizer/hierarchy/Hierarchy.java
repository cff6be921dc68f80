package org.uepdeid.anonymizer.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated generalization hierarchy: each base value (row) with its generalization at levels 1..height.
 *
 * <p>Level labels are dictionary-encoded per level so the engine works on ints: {@link #labelOf(int, int)} maps a
 * row to its label id at a level, {@link #parentLabel(int, int, int)} maps a label id up to a coarser level. The
 * hierarchy must be functional (a label has one parent per level), which is what makes that roll-up sound.
 */
public final class Hierarchy {

    private final String attribute;
    private final String source;
    private final String[][] rows;
    private final Map<String, Integer> rowOfValue;
    /** labelOfRow[level][row]: the label id of the row's value at that level. */
    private final int[][] labelOfRow;
    /** labels[level][labelId]: the label text. */
    private final String[][] labels;
    /** rowsPerLabel[level][labelId]: how many hierarchy rows carry the label (ARX's domain share numerator). */
    private final int[][] rowsPerLabel;

    private Hierarchy(String attribute, String source, String[][] rows) {
        this.attribute = attribute;
        this.source = source;
        this.rows = rows;
        int height = rows[0].length - 1;
        this.rowOfValue = new HashMap<>(rows.length * 2);
        this.labelOfRow = new int[height + 1][rows.length];
        this.labels = new String[height + 1][];
        this.rowsPerLabel = new int[height + 1][];
        for (int level = 0; level <= height; level++) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            List<Integer> counts = new ArrayList<>();
            for (int r = 0; r < rows.length; r++) {
                String label = rows[r][level];
                Integer id = ids.get(label);
                if (id == null) {
                    id = ids.size();
                    ids.put(label, id);
                    counts.add(0);
                }
                counts.set(id, counts.get(id) + 1);
                labelOfRow[level][r] = id;
            }
            labels[level] = ids.keySet().toArray(String[]::new);
            rowsPerLabel[level] = counts.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int r = 0; r < rows.length; r++) {
            rowOfValue.put(rows[r][0], r);
        }
    }

    /**
     * Validates and builds a hierarchy. {@code source} names where the rows came from (a file, a builder) so that
     * errors can say so.
     *
     * @throws HierarchyException if the rows are empty, ragged, hold a null, repeat a base value or give a label two
     *     parents
     */
    public static Hierarchy of(String attribute, List<? extends List<String>> rows, String source) {
        if (attribute == null || attribute.isBlank()) {
            throw new HierarchyException("hierarchy from " + source + " has no attribute name");
        }
        if (rows.isEmpty()) {
            throw HierarchyException.in(attribute, source, "no rows");
        }
        int width = rows.get(0).size();
        String[][] table = new String[rows.size()][];
        Map<String, Integer> firstRow = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.isEmpty()) {
                throw HierarchyException.in(attribute, source, "row " + (r + 1) + " is empty");
            }
            if (row.size() != width) {
                throw HierarchyException.in(attribute, source, "row " + (r + 1) + " (value '" + row.get(0) + "') has "
                        + (row.size() - 1) + " levels, row 1 has " + (width - 1) + "; every row needs the same height");
            }
            // A null would pass the checks below and surface far away as a missing label; name it here instead.
            for (int level = 0; level < width; level++) {
                if (row.get(level) == null) {
                    throw HierarchyException.in(attribute, source, "row " + (r + 1) + " has no value at level "
                            + level);
                }
            }
            Integer seen = firstRow.putIfAbsent(row.get(0), r);
            if (seen != null) {
                throw HierarchyException.in(attribute, source, "value '" + row.get(0) + "' appears in rows "
                        + (seen + 1) + " and " + (r + 1));
            }
            table[r] = row.toArray(String[]::new);
        }
        for (int level = 1; level < width - 1; level++) {
            Map<String, String> parentOf = new HashMap<>();
            for (String[] row : table) {
                String previous = parentOf.putIfAbsent(row[level], row[level + 1]);
                if (previous != null && !previous.equals(row[level + 1])) {
                    throw HierarchyException.in(attribute, source, "label '" + row[level] + "' at level " + level
                            + " has two parents at level " + (level + 1) + ": '" + previous + "' and '"
                            + row[level + 1] + "'");
                }
            }
        }
        return new Hierarchy(attribute, source, table);
    }

    public String attribute() {
        return attribute;
    }

    /** Where the rows came from (a file path or a builder description), for messages. */
    public String source() {
        return source;
    }

    /** The highest level; level 0 is the base value. */
    public int height() {
        return rows[0].length - 1;
    }

    /** Number of rows (base values), which is ARX's domain size for the Loss metric. */
    public int size() {
        return rows.length;
    }

    /** The row index of a base value, or -1 if the hierarchy does not have it. */
    public int rowOf(String baseValue) {
        Integer row = rowOfValue.get(baseValue);
        return row == null ? -1 : row;
    }

    /** The generalization of a row's base value at a level. */
    public String value(int row, int level) {
        return rows[row][level];
    }

    /** The label id of a row at a level. */
    public int labelOf(int row, int level) {
        return labelOfRow[level][row];
    }

    /** The number of distinct labels at a level. */
    public int labelCount(int level) {
        return labels[level].length;
    }

    /** The text of a label id at a level. */
    public String label(int level, int labelId) {
        return labels[level][labelId];
    }

    /**
     * The distinct labels of a level, in first-row order.
     *
     * @throws HierarchyException naming the attribute and its levels when it has no such level
     */
    public List<String> labelsAt(int level) {
        if (level < 0 || level > height()) {
            throw HierarchyException.in(attribute, source, "has no level " + level + "; its levels are 0.."
                    + height());
        }
        return List.of(labels[level]);
    }

    /** How many rows carry this label at this level. */
    public int rowsWithLabel(int level, int labelId) {
        return rowsPerLabel[level][labelId];
    }

    /**
     * Maps a label id at level {@code from} to its label id at the coarser level {@code to}. Sound because the
     * hierarchy is functional; the map is built on demand, callers that need it often should keep it.
     */
    public int[] parentLabel(int from, int to) {
        int[] map = new int[labelCount(from)];
        Arrays.fill(map, -1);
        for (int r = 0; r < rows.length; r++) {
            map[labelOfRow[from][r]] = labelOfRow[to][r];
        }
        return map;
    }

    /** The base values, in row order. */
    public List<String> baseValues() {
        List<String> values = new ArrayList<>(rows.length);
        for (String[] row : rows) {
            values.add(row[0]);
        }
        return values;
    }

    @Override
    public String toString() {
        return "Hierarchy[" + attribute + ", " + rows.length + " values, height " + height() + ", from " + source + "]";
    }
}

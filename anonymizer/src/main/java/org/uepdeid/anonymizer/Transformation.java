package org.uepdeid.anonymizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;

/**
 * The chosen transformation as its users apply it: a level per quasi-identifier and the classes, by their generalized
 * labels, whose records are suppressed. It is all an adapter needs to publish a record, and it holds no record.
 */
public final class Transformation {

    /** The value a suppressed record carries in every quasi-identifier, as in ARX. */
    public static final String SUPPRESSED = "*";

    private final List<Hierarchy> hierarchies;
    private final int[] levels;
    private final Set<List<String>> suppressed;

    private Transformation(List<Hierarchy> hierarchies, int[] levels, Set<List<String>> suppressed) {
        this.hierarchies = List.copyOf(hierarchies);
        this.levels = levels.clone();
        this.suppressed = Collections.unmodifiableSet(suppressed);
    }

    /**
     * The transformation at {@code levels} whose classes ({@code classes}, keyed by label ids at those levels) are
     * suppressed where {@code isSuppressed} holds.
     */
    static Transformation of(List<Hierarchy> hierarchies, int[] levels, FrequencyTable classes,
                             IntPredicate isSuppressed) {
        Set<List<String>> suppressed = new LinkedHashSet<>();
        for (int c = 0; c < classes.size(); c++) {
            if (isSuppressed.test(c)) {
                List<String> labels = new ArrayList<>(levels.length);
                for (int j = 0; j < levels.length; j++) {
                    labels.add(hierarchies.get(j).label(levels[j], classes.key(c, j)));
                }
                suppressed.add(List.copyOf(labels));
            }
        }
        return new Transformation(hierarchies, levels, suppressed);
    }

    /** The quasi-identifiers, in policy order. */
    public List<String> quasiIdentifiers() {
        return hierarchies.stream().map(Hierarchy::attribute).toList();
    }

    /** Quasi-identifier name → level, in policy order. */
    public Map<String, Integer> levels() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int j = 0; j < levels.length; j++) {
            map.put(hierarchies.get(j).attribute(), levels[j]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The level of each quasi-identifier, in policy order. */
    public int[] levelArray() {
        return levels.clone();
    }

    /** The generalized label tuples (policy order) of the suppressed classes. */
    public Set<List<String>> suppressedClasses() {
        return suppressed;
    }

    /** The label of one base value of quasi-identifier {@code j} at its chosen level. */
    public String label(int j, String value) {
        Hierarchy h = hierarchies.get(j);
        int row = h.rowOf(value);
        if (row < 0) {
            throw new IllegalArgumentException("a value of '" + h.attribute() + "' is not in its hierarchy "
                    + h.source());
        }
        return h.value(row, levels[j]);
    }

    /**
     * A record's quasi-identifier values (policy order) as published: each generalized to its level, or
     * {@value #SUPPRESSED} in every one when the record's class is suppressed.
     *
     * @throws IllegalArgumentException if a value is not in its hierarchy (the message names the attribute only)
     */
    public List<String> generalize(List<String> values) {
        if (values.size() != levels.length) {
            throw new IllegalArgumentException("expected " + levels.length + " quasi-identifier values, got "
                    + values.size());
        }
        List<String> labels = new ArrayList<>(levels.length);
        for (int j = 0; j < levels.length; j++) {
            labels.add(label(j, values.get(j)));
        }
        return suppressed.contains(labels) ? Collections.nCopies(levels.length, SUPPRESSED) : labels;
    }

    @Override
    public String toString() {
        return levels().toString();
    }
}

package org.uepdeid.jobs.anonymize;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.try_element_at;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.policy.Policy;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.config.ConfigException;

/**
 * The Spark side of the engine's input: each quasi-identifier of a profile as a string, which values each hierarchy
 * can place, and the code (hierarchy row) of every placeable value, as map literals Spark looks up per row.
 *
 * <p>A missing value is the string {@value #MISSING}; a CSV hierarchy may list it (e.g. an unknown region), a
 * builder never does. A device with a value its hierarchy cannot place is not anonymized but quarantined, with the
 * attribute named.
 */
final class ProfileEncoding {

    /** How a null quasi-identifier value is spelled, so a CSV hierarchy can give it a place. */
    static final String MISSING = "(none)";

    private final List<String> quasiIdentifiers;
    private final Policy policy;
    private final Map<String, Map<String, Integer>> codes;

    private ProfileEncoding(List<String> quasiIdentifiers, Policy policy) {
        this.quasiIdentifiers = quasiIdentifiers;
        this.policy = policy;
        this.codes = new LinkedHashMap<>();
        for (Hierarchy h : policy.quasiIdentifiers()) {
            Map<String, Integer> map = new LinkedHashMap<>();
            for (String value : h.baseValues()) {
                map.put(value, h.rowOf(value));
            }
            codes.put(h.attribute(), map);
        }
    }

    /**
     * Reads the distinct values of each quasi-identifier (and of the sensitive attribute, which a hierarchical
     * t-closeness builds its hierarchy from), builds the hierarchies for the placeable ones and resolves the policy.
     * {@code profiles} must have these attributes as string columns (see {@link #asStrings}).
     */
    static ProfileEncoding of(PolicySpec spec, Dataset<Row> profiles) {
        List<String> names = spec.quasiIdentifierNames();
        List<String> attributes = new ArrayList<>(names);
        if (spec.sensitive() != null) {
            attributes.add(spec.sensitive());
        }
        // One pass for all attributes: their distinct values are few, the profiles are many.
        Row distinct = profiles.agg(collect_set(col(attributes.get(0))), attributes.stream().skip(1)
                .map(name -> collect_set(col(name))).toArray(Column[]::new)).first();
        Map<String, Collection<String>> domains = new LinkedHashMap<>();
        for (int j = 0; j < attributes.size(); j++) {
            domains.put(attributes.get(j), new TreeSet<>(distinct.<String>getList(j)));
        }
        for (String name : names) {
            HierarchySpec hierarchy = spec.hierarchySpec(name);
            Collection<String> values = domains.get(name);
            if (hierarchy.fixed(name).isEmpty()) {
                values.remove(MISSING); // a builder has no place for it; only a file can list it
            }
            domains.put(name, new TreeSet<>(hierarchy.placeable(name, values)));
        }
        return new ProfileEncoding(names, spec.resolve(domains::get));
    }

    /** The profiles with each quasi-identifier (and the sensitive attribute) cast to string, nulls as {@value #MISSING}. */
    static Dataset<Row> asStrings(Dataset<Row> profiles, PolicySpec spec) {
        List<String> columns = new ArrayList<>(spec.quasiIdentifierNames());
        if (spec.sensitive() != null) {
            columns.add(spec.sensitive());
        }
        Dataset<Row> out = profiles;
        for (String name : columns) {
            if (!List.of(profiles.columns()).contains(name)) {
                throw new ConfigException("anonymization: '" + name + "' is not a column of staging/profiles; its "
                        + "columns are " + List.of(profiles.columns()));
            }
            out = out.withColumn(name, coalesce(col(name).cast("string"), lit(MISSING)));
        }
        return out;
    }

    Policy policy() {
        return policy;
    }

    List<String> quasiIdentifiers() {
        return quasiIdentifiers;
    }

    /** The code column of a quasi-identifier: its hierarchy row, or null when the hierarchy cannot place the value. */
    Column code(String name) {
        Map<String, Integer> map = codes.get(name);
        return lookup(map.keySet().toArray(String[]::new),
                map.values().stream().mapToInt(Integer::intValue).toArray(), col(name));
    }

    /** A column mapping each base value of a quasi-identifier to its label at {@code level}. */
    Column generalized(String name, int level) {
        Hierarchy h = policy.quasiIdentifiers().get(quasiIdentifiers.indexOf(name));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String value : h.baseValues()) {
            labels.put(value, h.value(h.rowOf(value), level));
        }
        return lookup(labels.keySet().toArray(String[]::new), labels.values().toArray(String[]::new), col(name));
    }

    /** {@code values} is an int[] or a String[] parallel to {@code keys}; a key not in the map gives null. */
    private static Column lookup(String[] keys, Object values, Column key) {
        // A map literal per lookup: Spark's codegen keeps it as one constant, unlike a CASE with many branches.
        return try_element_at(map_from_arrays(lit(keys), lit(values)), key);
    }
}

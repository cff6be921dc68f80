package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchyException;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;

/**
 * The manifest's levels, against the data: every published value of a quasi-identifier is a label its hierarchy has
 * at the level the manifest states (or {@code *}, suppressed). A raw value, a finer label or a label of another level
 * fails. The hierarchies are rebuilt from the policy, over the raw values of the day's staging/profiles when the
 * policy builds them from the data (a CSV hierarchy is read whole).
 *
 * <p>The distinct published values of each quasi-identifier come to the driver: generalized, they are few, and a
 * column holding many is already failing.
 */
final class GeneralizationLevelsCheck implements Check {

    static final String NAME = "generalization_levels";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        if (evidence.output().kind() != OutputKind.MICRODATA) {
            return List.of();
        }
        JsonNode levels = evidence.output().hasManifest() && evidence.output().manifest().privacy() != null
                ? evidence.output().manifest().privacy().path("levels") : null;
        if (levels == null || !levels.isObject()) {
            return List.of(CheckResult.notMeasured(NAME, evidence.target(), 0, "the manifest states no levels"));
        }
        List<String> qis = evidence.presentQuasiIdentifiers();
        Map<String, Set<String>> published = distinct(evidence.values()
                .filter(col(Evidence.COLUMN).isin(qis.toArray())), Evidence.COLUMN, Evidence.VALUE);
        Map<String, Set<String>> raw = rawValues(evidence, qis);
        List<String> findings = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        long offending = 0;
        for (String q : qis) {
            Optional<Set<String>> labels = levels.path(q).isInt()
                    ? labels(evidence, q, levels.get(q).asInt(), raw.get(q), findings) : Optional.empty();
            if (!levels.path(q).isInt()) {
                findings.add(q + ": no level stated");
            }
            if (labels.isEmpty()) {
                offending++;
                continue;
            }
            List<String> foreign = published.getOrDefault(q, Set.of()).stream()
                    .filter(v -> !labels.get().contains(v)).toList();
            offending += foreign.size();
            if (!foreign.isEmpty()) {
                findings.add(q + ": " + foreign.size() + " value(s) not labels of level " + levels.get(q).asInt());
                foreign.stream().limit(CheckResult.MAX_SAMPLE - sample.size()).map(SampleMask::mask)
                        .forEach(sample::add);
            }
        }
        return List.of(new CheckResult(NAME, evidence.target(), offending, 0, offending == 0,
                offending == 0 ? "every published value of " + qis + " is a label of its stated level"
                        : String.join("; ", findings), sample));
    }

    /** The distinct raw values of the quasi-identifiers whose hierarchies the policy builds from the data. */
    private static Map<String, Set<String>> rawValues(Evidence evidence, List<String> qis) {
        List<String> built = qis.stream()
                .filter(q -> evidence.policy().hierarchySpec(q).fixed(q).isEmpty())
                .toList();
        Optional<Dataset<Row>> profiles = evidence.staging().profiles();
        if (built.isEmpty() || profiles.isEmpty()) {
            return Map.of();
        }
        Column[] sets = built.stream().map(q -> collect_set(col(q).cast("string")).as(q)).toArray(Column[]::new);
        Row row = profiles.get().agg(sets[0], Arrays.copyOfRange(sets, 1, sets.length)).first();
        Map<String, Set<String>> values = new HashMap<>();
        for (int i = 0; i < built.size(); i++) {
            values.put(built.get(i), new TreeSet<>(row.<String>getList(i)));
        }
        return values;
    }

    /** Groups the rows' {@code value} by {@code key}, on the driver. */
    private static Map<String, Set<String>> distinct(Dataset<Row> rows, String key, String value) {
        Map<String, Set<String>> byKey = new HashMap<>();
        for (Row row : rows.groupBy(key).agg(collect_set(value)).collectAsList()) {
            byKey.put(row.getString(0), new TreeSet<>(row.<String>getList(1)));
        }
        return byKey;
    }

    /**
     * The labels of a quasi-identifier's hierarchy at a level, and {@code *}; empty, with a finding, if unknown.
     *
     * @param raw the day's raw values, or null when staging/profiles is absent
     */
    private static Optional<Set<String>> labels(Evidence evidence, String q, int level, Set<String> raw,
                                                List<String> findings) {
        HierarchySpec spec = evidence.policy().hierarchySpec(q);
        Hierarchy hierarchy;
        try {
            Optional<Hierarchy> fixed = spec.fixed(q);
            if (fixed.isPresent()) {
                hierarchy = fixed.get();
            } else if (raw != null) {
                hierarchy = spec.build(q, raw);
            } else {
                findings.add(q + ": its hierarchy is built from the day's staging/profiles, which is absent");
                return Optional.empty();
            }
        } catch (HierarchyException e) {
            // The hierarchy's own message may quote a raw value; name the attribute only.
            findings.add(q + ": its hierarchy cannot be rebuilt from the policy and the day's values");
            return Optional.empty();
        }
        if (level < 0 || level > hierarchy.height()) {
            findings.add(q + ": level " + level + " is outside its hierarchy (height " + hierarchy.height() + ")");
            return Optional.empty();
        }
        Set<String> labels = new LinkedHashSet<>();
        for (int row = 0; row < hierarchy.size(); row++) {
            labels.add(hierarchy.value(row, level));
        }
        labels.add(EvidenceReader.SUPPRESSED);
        return Optional.of(labels);
    }
}

package org.uepdeid.jobs.verify;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.uepdeid.anonymizer.hierarchy.HierarchyException;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.jobs.config.ConfigException;
import org.uepdeid.jobs.verify.ModelMeasure.OnSensitive;

/**
 * l-diversity and t-closeness of microdata, one result per declared model on the sensitive column: each class's
 * figure (see the {@link SensitiveMeasure}s), the worst over the classes that are not suppressed compared with the
 * model's bound. t-closeness compares with the distribution over every published record.
 *
 * <p>The classes' histograms are streamed to the driver in class order, one class held at a time: memory follows the
 * largest class's distinct sensitive values, not the release.
 */
final class SensitiveAttributeCheck implements Check {

    /** How a missing sensitive value is counted: as one more value, as the engine's encoding does. */
    private static final String MISSING = "(none)";
    private static final String COUNT = "__count";

    @Override
    public List<CheckResult> evaluate(Evidence evidence) {
        DeclaredPolicy policy = evidence.policy();
        Map<ModelSpec<?>, OnSensitive> declared = policy.sensitiveMeasures();
        if (evidence.classes().isEmpty() || declared.isEmpty()) {
            return List.of();
        }
        String sensitive = policy.sensitive();
        if (!evidence.columns().contains(sensitive)) {
            return declared.values().stream().map(m -> CheckResult.notMeasured(m.check(), evidence.target(), null,
                    "the sensitive column '" + sensitive + "' the policy declares is not published")).toList();
        }
        Column value = coalesce(col(sensitive).cast("string"), lit(MISSING));
        Map<String, Long> overall = new HashMap<>();
        for (Row row : evidence.rows().groupBy(value).count().collectAsList()) {
            overall.put(row.getString(0), row.getLong(1));
        }
        List<ModelSpec<?>> models = List.copyOf(declared.keySet());
        List<SensitiveMeasure> measures = new ArrayList<>();
        for (ModelSpec<?> model : models) {
            measures.add(measure(model, declared.get(model), sensitive, overall));
        }
        double[] worst = worstOverClasses(evidence, value, measures);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            SensitiveMeasure m = measures.get(i);
            boolean passed = m.satisfiedBy(worst[i]);
            results.add(CheckResult.of(declared.get(models.get(i)).check(), evidence.target(),
                    Double.isNaN(worst[i]) ? "no class" : worst[i], m.threshold(), passed || Double.isNaN(worst[i]),
                    models.get(i) + ": the worst of " + evidence.classes().get().classes() + " classes"));
        }
        return results;
    }

    /** The worst figure of each measure over the classes (NaN when no class is published). */
    private static double[] worstOverClasses(Evidence evidence, Column value, List<SensitiveMeasure> measures) {
        List<String> qis = evidence.presentQuasiIdentifiers();
        Column notSuppressed = lit(qis.isEmpty());
        for (String q : qis) {
            notSuppressed = notSuppressed.or(col(q).isNull().or(col(q).notEqual(EvidenceReader.SUPPRESSED)));
        }
        List<Column> keys = new ArrayList<>();
        qis.forEach(q -> keys.add(col(q).cast("string").as(q)));
        keys.add(value.as("__value"));
        Dataset<Row> histograms = evidence.rows().filter(notSuppressed).groupBy(keys.toArray(Column[]::new))
                .agg(count(lit(1)).as(COUNT)).orderBy(qis.stream().map(q -> col(q)).toArray(Column[]::new));
        double[] worst = new double[measures.size()];
        Arrays.fill(worst, Double.NaN);
        List<String> current = null;
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (Iterator<Row> it = histograms.toLocalIterator(); it.hasNext(); ) {
            Row row = it.next();
            List<String> key = new ArrayList<>();
            for (int i = 0; i < qis.size(); i++) {
                key.add(row.getString(i));
            }
            if (current != null && !Objects.equals(current, key)) {
                fold(measures, histogram, worst);
                histogram = new LinkedHashMap<>();
            }
            current = key;
            histogram.put(row.getString(qis.size()), row.getLong(qis.size() + 1));
        }
        if (current != null) {
            fold(measures, histogram, worst);
        }
        return worst;
    }

    private static void fold(List<SensitiveMeasure> measures, Map<String, Long> histogram, double[] worst) {
        for (int i = 0; i < measures.size(); i++) {
            double figure = measures.get(i).ofClass(histogram);
            worst[i] = Double.isNaN(worst[i]) ? figure : measures.get(i).worse(worst[i], figure);
        }
    }

    /** The model's measure, a hierarchy it has built over the published values. */
    private static SensitiveMeasure measure(ModelSpec<?> model, OnSensitive on, String sensitive,
                                            Map<String, Long> overall) {
        try {
            return on.measure().apply(overall);
        } catch (HierarchyException e) {
            // The hierarchy's message may quote a sensitive value: name the attribute only.
            throw new ConfigException(model.type() + ": the hierarchy of '" + sensitive + "' cannot be built over the "
                    + "published values; check that it lists every value");
        }
    }
}

package org.uepdeid.jobs.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.anonymizer.policy.PolicySpec;
import org.uepdeid.jobs.config.AggregatesSection;
import org.uepdeid.jobs.config.PipelineConfig;
import org.uepdeid.jobs.verify.ModelMeasure.OnSensitive;
import org.uepdeid.jobs.verify.ModelMeasure.RiskBound;
import org.uepdeid.jobs.verify.ModelMeasure.RiskFigure;
import org.uepdeid.jobs.verify.ModelMeasure.SmallestClass;

/**
 * What the pipeline config declares a release must satisfy: the policy anonymize follows, as the config loaded it,
 * and {@code min_devices}, with verify's measure of each privacy model ({@link ModelMeasures}). Read from the config
 * rather than from the manifests: a manifest is a claim to check, not the rule to check it against.
 *
 * @param policy     the anonymization policy
 * @param minDevices the fewest distinct devices a statistics cell may describe
 * @param aggregates the statistics' bounds and differential privacy
 */
public record DeclaredPolicy(PolicySpec policy, int minDevices, AggregatesSection aggregates) {

    /** The config's anonymization policy, {@code min_devices} and {@code aggregates}. */
    public static DeclaredPolicy of(PipelineConfig config) {
        return new DeclaredPolicy(config.anonymization().policy(), config.minDevices(), config.aggregates());
    }

    /** A policy with exact statistics under the default bounds. */
    public DeclaredPolicy(PolicySpec policy, int minDevices) {
        this(policy, minDevices, AggregatesSection.DEFAULTS);
    }

    /** Whether the statistics are differentially private: then no threshold applies to their cells. */
    boolean differentiallyPrivate() {
        return aggregates.privacy().differentiallyPrivate();
    }

    /** The microdata's quasi-identifier columns, in policy order. */
    List<String> quasiIdentifiers() {
        return policy.quasiIdentifierNames();
    }

    /** The sensitive column, or null. */
    String sensitive() {
        return policy.sensitive();
    }

    double suppressionLimit() {
        return policy.suppressionLimit();
    }

    double riskThreshold() {
        return policy.riskThreshold();
    }

    /** How the hierarchy of a quasi-identifier is made. */
    HierarchySpec hierarchySpec(String quasiIdentifier) {
        return policy.hierarchySpec(quasiIdentifier);
    }

    /** The smallest class size the models require: the largest declared k, or 1 when none is declared. */
    int k() {
        return measures().stream().filter(m -> m instanceof SmallestClass).mapToInt(m -> ((SmallestClass) m).k())
                .max().orElse(1);
    }

    /** The tightest bound the models put on a risk figure, if one does. */
    Optional<Double> bound(RiskFigure figure) {
        return measures().stream().filter(m -> m instanceof RiskBound b && b.figure() == figure)
                .map(m -> ((RiskBound) m).threshold()).min(Double::compare);
    }

    /** The models measured on the sensitive column (l-diversity, t-closeness), each with its measure. */
    Map<ModelSpec<?>, OnSensitive> sensitiveMeasures() {
        Map<ModelSpec<?>, OnSensitive> measures = new LinkedHashMap<>();
        for (ModelSpec<?> model : policy.models()) {
            if (ModelMeasures.of(model) instanceof OnSensitive on) {
                measures.put(model, on);
            }
        }
        return measures;
    }

    /** The columns the microdata may publish: the quasi-identifiers, then the sensitive column. */
    List<String> microdataColumns() {
        List<String> columns = new ArrayList<>(quasiIdentifiers());
        if (sensitive() != null) {
            columns.add(sensitive());
        }
        return columns;
    }

    private List<ModelMeasure> measures() {
        return policy.models().stream().map(ModelMeasures::of).toList();
    }
}

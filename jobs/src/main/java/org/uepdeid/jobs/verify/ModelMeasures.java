package org.uepdeid.jobs.verify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.uepdeid.anonymizer.model.EntropyLDiversity;
import org.uepdeid.anonymizer.model.HierarchicalDistanceTCloseness;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.anonymizer.model.ModelType;
import org.uepdeid.anonymizer.model.OrderedDistanceTCloseness;
import org.uepdeid.anonymizer.model.PrivacyModel;
import org.uepdeid.anonymizer.model.RecursiveCLDiversity;
import org.uepdeid.jobs.verify.ModelMeasure.OnSensitive;
import org.uepdeid.jobs.verify.ModelMeasure.RiskBound;
import org.uepdeid.jobs.verify.ModelMeasure.RiskFigure;
import org.uepdeid.jobs.verify.ModelMeasure.SmallestClass;

/**
 * verify's half of the model registry: the measure it takes of each privacy model type the engine's
 * {@link ModelType} registry declares. It is registered here, against the engine's types, because the engine knows
 * nothing of Spark or of verify. Each measure reads only the model's parameters, never the engine's verdict. The
 * command line refuses to start while a type has no measure, so a new model cannot be published unverified.
 */
public final class ModelMeasures {

    private static final ModelMeasures VERIFY = new Builder()
            .add(ModelType.K_ANONYMITY, spec -> new SmallestClass(spec.build().k()))
            .add(ModelType.MAXIMUM_RISK, spec -> new RiskBound(RiskFigure.PROSECUTOR_MAX, spec.build().threshold()))
            .add(ModelType.AVERAGE_RISK, spec -> new RiskBound(RiskFigure.AVERAGE, spec.build().threshold()))
            .add(ModelType.SAMPLE_UNIQUENESS,
                    spec -> new RiskBound(RiskFigure.SAMPLE_UNIQUENESS, spec.build().threshold()))
            .add(ModelType.DISTINCT_L_DIVERSITY, spec -> new OnSensitive(ModelMeasure.L_DIVERSITY,
                    overall -> new DistinctLMeasure(spec.build().l())))
            .add(ModelType.ENTROPY_L_DIVERSITY, spec -> new OnSensitive(ModelMeasure.L_DIVERSITY, overall -> {
                EntropyLDiversity m = spec.build();
                return new EntropyLMeasure(m.l(), m.estimator() == EntropyLDiversity.Estimator.GRASSBERGER);
            }))
            .add(ModelType.RECURSIVE_CL_DIVERSITY, spec -> new OnSensitive(ModelMeasure.L_DIVERSITY, overall -> {
                RecursiveCLDiversity m = spec.build();
                return new RecursiveClMeasure(m.c(), m.l());
            }))
            .add(ModelType.EQUAL_T_CLOSENESS, spec -> new OnSensitive(ModelMeasure.T_CLOSENESS,
                    overall -> new EqualTMeasure(spec.build().t(), overall)))
            .add(ModelType.ORDERED_T_CLOSENESS, spec -> new OnSensitive(ModelMeasure.T_CLOSENESS, overall -> {
                OrderedDistanceTCloseness m = spec.build();
                return new OrderedTMeasure(m.t(), overall, m.numericOrder());
            }))
            .add(ModelType.HIERARCHICAL_T_CLOSENESS, spec -> new OnSensitive(ModelMeasure.T_CLOSENESS, overall -> {
                HierarchicalDistanceTCloseness m = spec.build(attribute -> overall.keySet());
                return new HierarchicalTMeasure(m.t(), overall, m.hierarchy());
            }))
            .build();

    private final Map<ModelType<?>, Function<ModelSpec<?>, ModelMeasure>> byType;

    private ModelMeasures(Map<ModelType<?>, Function<ModelSpec<?>, ModelMeasure>> byType) {
        this.byType = Map.copyOf(byType);
    }

    /**
     * The start-up check: every model type the engine knows has a measure here.
     *
     * @throws IllegalStateException naming the types verify cannot measure
     */
    public static void requireEveryModelType() {
        VERIFY.requireEvery(ModelType.all());
    }

    /** verify's measure of a declared model. */
    static ModelMeasure of(ModelSpec<?> model) {
        return VERIFY.measure(model);
    }

    void requireEvery(Collection<ModelType<?>> types) {
        List<String> missing = types.stream().filter(t -> !byType.containsKey(t)).map(ModelType::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("verify has no measure for the privacy model type(s) " + missing
                    + " the engine declares; add one to " + ModelMeasures.class.getName());
        }
    }

    ModelMeasure measure(ModelSpec<?> model) {
        Function<ModelSpec<?>, ModelMeasure> measure = byType.get(model.type());
        if (measure == null) {
            throw new IllegalStateException("verify has no measure for " + model.type());
        }
        return measure.apply(model);
    }

    /** Collects one measure per model type, typed by the type's record. */
    static final class Builder {

        private final Map<ModelType<?>, Function<ModelSpec<?>, ModelMeasure>> byType = new LinkedHashMap<>();

        <M extends PrivacyModel> Builder add(ModelType<M> type, Function<ModelSpec<M>, ModelMeasure> measure) {
            // Safe: measure() looks a spec up by its own type, so only a ModelSpec<M> ever reaches this function.
            @SuppressWarnings("unchecked")
            Function<ModelSpec<?>, ModelMeasure> untyped = spec -> measure.apply((ModelSpec<M>) spec);
            if (byType.put(type, untyped) != null) {
                throw new IllegalStateException(type + " has two measures");
            }
            return this;
        }

        ModelMeasures build() {
            return new ModelMeasures(byType);
        }
    }
}

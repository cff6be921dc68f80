package org.uepdeid.jobs.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.model.ModelSpec;
import org.uepdeid.anonymizer.model.ModelType;
import org.uepdeid.jobs.verify.ModelMeasure.OnSensitive;
import org.uepdeid.jobs.verify.ModelMeasure.RiskBound;
import org.uepdeid.jobs.verify.ModelMeasure.RiskFigure;
import org.uepdeid.jobs.verify.ModelMeasure.SmallestClass;

/** verify measures every privacy model the engine declares, from the model's own parameters. */
class ModelMeasuresTest {

    /** One declaration of each model type: a type added to the engine without one here fails the first test. */
    private static final Map<String, String> DECLARATIONS = Map.ofEntries(
            Map.entry("k-anonymity", "{type: k-anonymity, k: 7}"),
            Map.entry("distinct-l-diversity", "{type: distinct-l-diversity, attribute: d, l: 3}"),
            Map.entry("entropy-l-diversity", "{type: entropy-l-diversity, attribute: d, l: 2, estimator: grassberger}"),
            Map.entry("recursive-cl-diversity", "{type: recursive-cl-diversity, attribute: d, c: 3, l: 2}"),
            Map.entry("equal-t-closeness", "{type: equal-t-closeness, attribute: d, t: 0.3}"),
            Map.entry("hierarchical-t-closeness", "{type: hierarchical-t-closeness, attribute: d, t: 0.4, "
                    + "hierarchy: {type: masking, separator: '.', levels: 1}}"),
            Map.entry("ordered-t-closeness", "{type: ordered-t-closeness, attribute: d, t: 0.2, order: numeric}"),
            Map.entry("average-risk", "{type: average-risk, threshold: 0.05}"),
            Map.entry("sample-uniqueness", "{type: sample-uniqueness, threshold: 0.01}"),
            Map.entry("maximum-risk", "{type: maximum-risk, threshold: 0.2}"));

    /** The release's counts of the sensitive values, for t-closeness. */
    private static final Map<String, Long> OVERALL = Map.of("flu.a", 4L, "flu.b", 4L, "hiv.c", 2L);

    private static ModelSpec<?> spec(String type) {
        return ModelType.read(DocumentNode.parse(DECLARATIONS.get(type).getBytes(StandardCharsets.UTF_8),
                "test", DocumentNode.Format.YAML), Path.of("."));
    }

    @Test
    void everyModelTypeTheEngineDeclaresHasAMeasure() {
        ModelMeasures.requireEveryModelType();

        assertThat(DECLARATIONS.keySet()).containsExactlyInAnyOrderElementsOf(
                ModelType.all().stream().map(ModelType::name).toList());
        for (ModelType<?> type : ModelType.all()) {
            assertThat(ModelMeasures.of(spec(type.name()))).as(type.name()).isNotNull();
        }
    }

    @Test
    void aTypeWithoutAMeasureStopsTheStartUpCheckNamingIt() {
        ModelMeasures incomplete = new ModelMeasures.Builder()
                .add(ModelType.K_ANONYMITY, spec -> new SmallestClass(spec.build().k())).build();

        assertThatThrownBy(() -> incomplete.requireEvery(ModelType.all())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distinct-l-diversity").hasMessageContaining("maximum-risk")
                .hasMessageNotContaining("[k-anonymity");
    }

    @Test
    void theMeasuresReadTheDeclaredParameters() {
        assertThat(ModelMeasures.of(spec("k-anonymity"))).isEqualTo(new SmallestClass(7));
        assertThat(ModelMeasures.of(spec("maximum-risk"))).isEqualTo(new RiskBound(RiskFigure.PROSECUTOR_MAX, 0.2));
        assertThat(ModelMeasures.of(spec("average-risk"))).isEqualTo(new RiskBound(RiskFigure.AVERAGE, 0.05));
        assertThat(ModelMeasures.of(spec("sample-uniqueness")))
                .isEqualTo(new RiskBound(RiskFigure.SAMPLE_UNIQUENESS, 0.01));
        assertThat(sensitive("distinct-l-diversity")).isEqualTo(new DistinctLMeasure(3));
        assertThat(sensitive("entropy-l-diversity")).isEqualTo(new EntropyLMeasure(2, true));
        assertThat(sensitive("recursive-cl-diversity")).isEqualTo(new RecursiveClMeasure(3, 2));
        assertThat(sensitive("equal-t-closeness")).isEqualTo(new EqualTMeasure(0.3, OVERALL));
        assertThat(sensitive("ordered-t-closeness")).isEqualTo(new OrderedTMeasure(0.2, OVERALL, true));
        HierarchicalTMeasure hierarchical = (HierarchicalTMeasure) sensitive("hierarchical-t-closeness");
        assertThat(hierarchical.t()).isEqualTo(0.4);
        assertThat(hierarchical.hierarchy().baseValues()).as("built over the published values")
                .containsExactlyInAnyOrder("flu.a", "flu.b", "hiv.c");
        assertThat(((OnSensitive) ModelMeasures.of(spec("equal-t-closeness"))).check()).isEqualTo("t_closeness");
        assertThat(((OnSensitive) ModelMeasures.of(spec("entropy-l-diversity"))).check()).isEqualTo("l_diversity");
    }

    private static SensitiveMeasure sensitive(String type) {
        return ((OnSensitive) ModelMeasures.of(spec(type))).measure().apply(OVERALL);
    }
}

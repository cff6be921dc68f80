package org.uepdeid.anonymizer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uepdeid.anonymizer.input.DocumentException;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.metric.LossMetric;
import org.uepdeid.anonymizer.model.EntropyLDiversity;
import org.uepdeid.anonymizer.model.HierarchicalDistanceTCloseness;
import org.uepdeid.anonymizer.model.KAnonymity;

/** A policy is read and checked once, before any data: every default set in one place, every error named. */
class PolicySpecTest {

    private static final String MINIMAL = """
            quasi_identifiers: [{name: language, hierarchy: {type: masking, separator: "_", levels: 1}}]
            privacy_models: [{type: k-anonymity, k: 5}]
            metric: {type: loss}
            """;

    @TempDir
    Path dir;

    private PolicySpec read(String yaml) {
        return PolicySpec.read(DocumentNode.parse(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml",
                DocumentNode.Format.YAML), dir);
    }

    @Test
    void whatAPolicyLeavesOutTakesTheDocumentedDefaults() {
        PolicySpec spec = read(MINIMAL);

        assertThat(spec.suppressionLimit()).isEqualTo(PolicySpec.DEFAULT_SUPPRESSION_LIMIT).isZero();
        assertThat(spec.riskThreshold()).isEqualTo(PolicySpec.DEFAULT_RISK_THRESHOLD).isEqualTo(0.1);
        assertThat(spec.searchTimeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.metric()).isEqualTo(new LossMetric(0.5, null));
        assertThat(spec.sensitive()).isNull();
        assertThat(spec.practicalMonotonicity()).isFalse();
    }

    @Test
    void theEnginesPolicyKeepsTheDeclaredValues() {
        PolicySpec spec = read(MINIMAL + "risk_threshold: 0.25\nsuppression_limit: 0.04\n");

        Policy policy = spec.resolve(attribute -> List.of("zh_CN", "en_US"));

        assertThat(policy.riskThreshold()).isEqualTo(0.25);
        assertThat(policy.suppressionLimit()).isEqualTo(0.04);
        assertThat(policy.models()).containsExactly(new KAnonymity(5));
        assertThat(policy.quasiIdentifiers().get(0).baseValues()).containsExactlyInAnyOrder("zh_CN", "en_US");
    }

    @Test
    void theSensitiveAttributeIsTheOneTheModelsConstrainWhenNotDeclared() {
        PolicySpec spec = read(MINIMAL.replace("[{type: k-anonymity, k: 5}]",
                "[{type: k-anonymity, k: 5}, {type: entropy-l-diversity, attribute: disease, l: 2}]"));

        assertThat(spec.sensitive()).isEqualTo("disease");
        assertThat(spec.models().get(1).build())
                .isEqualTo(new EntropyLDiversity("disease", 2, EntropyLDiversity.Estimator.SHANNON));
    }

    @Test
    void theModelsAreWrittenInThePolicysOwnSyntaxWithEveryKeyGiven() {
        PolicySpec spec = read(MINIMAL.replace("[{type: k-anonymity, k: 5}]",
                "[{type: k-anonymity, k: 5.0}, {type: entropy-l-diversity, attribute: disease, l: 2}]"));

        assertThat(spec.modelsJson().toString()).isEqualTo("[{\"type\":\"k-anonymity\",\"k\":5},"
                + "{\"type\":\"entropy-l-diversity\",\"attribute\":\"disease\",\"l\":2.0,\"estimator\":\"shannon\"}]");
    }

    @Test
    void everyBadValueIsNamedByItsKeyPathAndValue() {
        assertThatThrownBy(() -> read(MINIMAL.replace("k: 5", "k: 0")))
                .isInstanceOf(DocumentException.class)
                .hasMessage("policy.yaml: privacy_models[0]: k-anonymity: k must be at least 1, got 0");
        assertThatThrownBy(() -> read(MINIMAL + "suppresion_limit: 0.02\n"))
                .hasMessageStartingWith("policy.yaml: suppresion_limit: unknown key; known keys: metric, "
                        + "practical_monotonicity, privacy_models");
        assertThatThrownBy(() -> read(MINIMAL + "suppression_limit: 1.5\n"))
                .hasMessage("policy.yaml: suppression_limit: must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> read(MINIMAL + "risk_threshold: 0\n"))
                .hasMessage("policy.yaml: risk_threshold: must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> read(MINIMAL.replace("k: 5", "k: 5, kk: 1")))
                .hasMessageStartingWith("policy.yaml: privacy_models[0].kk: unknown key; known keys: k, type");
        assertThatThrownBy(() -> read(MINIMAL.replace("k-anonymity, k: 5", "k-anonimity, k: 5")))
                .hasMessageStartingWith("policy.yaml: privacy_models[0].type: must be a privacy model: k-anonymity,");
        assertThatThrownBy(() -> read(MINIMAL.replace("{type: loss}", "{type: loss, gs_factor: 2}")))
                .hasMessageContaining("policy.yaml: metric: gs_factor must be in [0, 1], got 2.0");
        assertThatThrownBy(() -> read(MINIMAL + "practical_monotonicity: yes please\n"))
                .hasMessage("policy.yaml: practical_monotonicity: must be true or false, got \"yes please\"");
    }

    @Test
    void aModelWhoseHierarchyIsBuiltFromTheDataIsStillCheckedBeforeAnyDataIsRead() {
        String hierarchical = MINIMAL.replace("[{type: k-anonymity, k: 5}]", "[{type: hierarchical-t-closeness, "
                + "attribute: disease, t: 1.5, hierarchy: {type: masking, separator: '.', levels: 1}}]");

        assertThatThrownBy(() -> read(hierarchical)).isInstanceOf(DocumentException.class)
                .hasMessage("policy.yaml: privacy_models[0]: hierarchical-t-closeness: t must be in [0, 1], got 1.5");

        PolicySpec spec = read(hierarchical.replace("t: 1.5", "t: 0.5"));
        HierarchicalDistanceTCloseness built = (HierarchicalDistanceTCloseness) spec.models().get(0)
                .build(attribute -> List.of("flu.a", "flu.b", "hiv.c"));
        assertThat(built.hierarchy().baseValues()).containsExactlyInAnyOrder("flu.a", "flu.b", "hiv.c");
    }

    @Test
    void aHierarchyFileIsReadWhenThePolicyIs() throws IOException {
        String policy = MINIMAL.replace("{type: masking, separator: \"_\", levels: 1}", "language.csv");

        assertThatThrownBy(() -> read(policy)).isInstanceOf(DocumentException.class)
                .hasMessageContaining("policy.yaml: quasi_identifiers[0].hierarchy: ")
                .hasMessageContaining(dir.resolve("language.csv").toString());

        Files.writeString(dir.resolve("language.csv"), "zh_CN;zh;*\nen_US;en;*\n");
        assertThat(read(policy).hierarchySpec("language")).isNotNull();
    }

    @Test
    void aModelOnAnotherAttributeThanTheSensitiveOneIsRefused() {
        assertThatThrownBy(() -> read(MINIMAL.replace("[{type: k-anonymity, k: 5}]",
                "[{type: distinct-l-diversity, attribute: disease, l: 2}]") + "sensitive: income\n"))
                .hasMessage("policy.yaml: privacy_models: distinct-l-diversity constrains 'disease' but the "
                        + "sensitive attribute is 'income'");
    }

    @Test
    void theRulesHoldForABuiltPolicyToo() {
        Policy valid = read(MINIMAL).resolve(attribute -> List.of("zh_CN"));

        assertThatThrownBy(() -> new Policy(valid.quasiIdentifiers(), null, valid.models(), 2, valid.metric(),
                Map.of(), false, Duration.ofSeconds(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("suppression_limit: must be in [0, 1], got 2.0");
    }
}

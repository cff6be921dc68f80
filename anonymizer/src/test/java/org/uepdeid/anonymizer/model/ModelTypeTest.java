package org.uepdeid.anonymizer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry declares every privacy model once: none is missing, none is declared twice. */
class ModelTypeTest {

    @Test
    void everyPrivacyModelRecordHasExactlyOneType() {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(PrivacyModel.class));
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isRecord()) {
                records.add(type);
            } else {
                open.addAll(List.of(type.getPermittedSubclasses()));
            }
        }

        List<Class<?>> declared = ModelType.all().stream().<Class<?>>map(ModelType::modelClass).toList();
        assertThat(declared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(records);
        assertThat(ModelType.all()).extracting(ModelType::name).doesNotHaveDuplicates();
    }

    @Test
    void aModelsNameIsItsTypes() {
        assertThat(new KAnonymity(5).type()).isEqualTo("k-anonymity");
        assertThat(ModelType.of(new SampleUniqueness(0.1))).isSameAs(ModelType.SAMPLE_UNIQUENESS);
        assertThat(ModelType.named("entropy-l-diversity")).containsSame(ModelType.ENTROPY_L_DIVERSITY);
        assertThat(ModelType.named("entropy")).isEmpty();
    }
}

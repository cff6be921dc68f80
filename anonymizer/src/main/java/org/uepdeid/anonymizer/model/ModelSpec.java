package org.uepdeid.anonymizer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;

/**
 * A privacy model as a policy declares it, checked: its type and its keys' values, before the model is built. Only a
 * model with a hierarchy built from the data (hierarchical t-closeness) needs the data's values to be built.
 *
 * @param <M> the model's record
 */
public final class ModelSpec<M extends PrivacyModel> {

    /**
     * Where a hierarchy is built from the data's values, a check without data gives the model this one-value stand-in:
     * everything else the model's own constructor checks is checked, before any data is read.
     */
    private static final String STAND_IN = "(no data yet)";

    private final ModelType<M> type;
    private final Map<String, Object> values;
    private final Map<String, JsonNode> hierarchiesAsWritten;

    ModelSpec(ModelType<M> type, Map<String, Object> values, Map<String, JsonNode> hierarchiesAsWritten) {
        this.type = type;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Map<String, JsonNode> copies = new LinkedHashMap<>();
        hierarchiesAsWritten.forEach((key, node) -> copies.put(key, node.deepCopy()));
        this.hierarchiesAsWritten = Collections.unmodifiableMap(copies);
    }

    public ModelType<M> type() {
        return type;
    }

    /** The sensitive attribute the model constrains, or null. */
    public String attribute() {
        return (String) values.get(ModelType.Key.ATTRIBUTE.name());
    }

    /**
     * The model, its hierarchy (if it has one) built over {@code domain}'s values of the attribute.
     *
     * @throws org.uepdeid.anonymizer.hierarchy.HierarchyException when the hierarchy does not cover the values
     */
    public M build(Function<String, ? extends Collection<String>> domain) {
        return type.create(this, (spec, attribute) -> spec.build(attribute, domain.apply(attribute)));
    }

    /**
     * The model of a type that needs no data.
     *
     * @throws IllegalStateException for a model whose hierarchy is built from the data
     */
    public M build() {
        return build(attribute -> {
            throw new IllegalStateException(type + " builds the hierarchy of '" + attribute + "' from the data's "
                    + "values; build it with them");
        });
    }

    /** Runs the model's own checks without data; a CSV hierarchy file is read whole. */
    void check() {
        type.create(this, (spec, attribute) -> spec.fixed(attribute).orElseGet(
                () -> Hierarchy.of(attribute, List.of(List.of(STAND_IN, "*")), "a stand-in until the data is read")));
    }

    /** The declaration in the policy's own syntax: {@code {"type": "k-anonymity", "k": 5}}, every key given. */
    public JsonNode json() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", type.name());
        for (ModelType.Key key : type.keys()) {
            Object value = values.get(key.name());
            switch (key.kind()) {
                case WHOLE_NUMBER -> json.put(key.name(), (Integer) value);
                case NUMBER -> json.put(key.name(), (Double) value);
                case TEXT -> json.put(key.name(), (String) value);
                case HIERARCHY -> json.set(key.name(), hierarchiesAsWritten.get(key.name()).deepCopy());
            }
        }
        return json;
    }

    int wholeNumber(String key) {
        return (Integer) values.get(key);
    }

    double number(String key) {
        return (Double) values.get(key);
    }

    String text(String key) {
        return (String) values.get(key);
    }

    HierarchySpec hierarchy(String key) {
        return (HierarchySpec) values.get(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec<?> other && type == other.type && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.name(), values);
    }

    /** As a report names it: {@code k-anonymity k=5}, {@code equal-t-closeness on 'disease' t=0.2}. */
    @Override
    public String toString() {
        String parameters = values.entrySet().stream()
                .filter(e -> !e.getKey().equals(ModelType.Key.ATTRIBUTE.name()))
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof HierarchySpec
                        ? hierarchiesAsWritten.get(e.getKey()) : e.getValue()))
                .collect(Collectors.joining(" "));
        return type.name() + (attribute() == null ? "" : " on '" + attribute() + "'") + " " + parameters;
    }
}

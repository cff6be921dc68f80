package org.uepdeid.anonymizer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.uepdeid.anonymizer.hierarchy.Hierarchy;
import org.uepdeid.anonymizer.hierarchy.HierarchyException;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * The registry of privacy model types: each declared once, with its name in a policy, its keys and how the model is
 * built from them. A new model is its record and one entry here; verify registers its own measure for every type
 * listed in {@link #all()}, and the command line refuses to start while one has none.
 *
 * @param <M> the model's record
 */
public final class ModelType<M extends PrivacyModel> {

    /** {@code {type: k-anonymity, k}}. */
    public static final ModelType<KAnonymity> K_ANONYMITY = new ModelType<>("k-anonymity", KAnonymity.class,
            (s, h) -> new KAnonymity(s.wholeNumber("k")), Key.wholeNumber("k"));
    /** {@code {type: distinct-l-diversity, attribute, l}}. */
    public static final ModelType<DistinctLDiversity> DISTINCT_L_DIVERSITY = new ModelType<>("distinct-l-diversity",
            DistinctLDiversity.class, (s, h) -> new DistinctLDiversity(s.attribute(), s.wholeNumber("l")),
            Key.ATTRIBUTE, Key.wholeNumber("l"));
    /** {@code {type: entropy-l-diversity, attribute, l, estimator: shannon (default) | grassberger}}. */
    public static final ModelType<EntropyLDiversity> ENTROPY_L_DIVERSITY = new ModelType<>("entropy-l-diversity",
            EntropyLDiversity.class, (s, h) -> new EntropyLDiversity(s.attribute(), s.number("l"),
                    EntropyLDiversity.Estimator.valueOf(s.text("estimator").toUpperCase(Locale.ROOT))),
            Key.ATTRIBUTE, Key.number("l"), Key.choice("estimator", EntropyLDiversity.Estimator.values()));
    /** {@code {type: recursive-cl-diversity, attribute, c, l}}. */
    public static final ModelType<RecursiveCLDiversity> RECURSIVE_CL_DIVERSITY = new ModelType<>(
            "recursive-cl-diversity", RecursiveCLDiversity.class,
            (s, h) -> new RecursiveCLDiversity(s.attribute(), s.number("c"), s.wholeNumber("l")),
            Key.ATTRIBUTE, Key.number("c"), Key.wholeNumber("l"));
    /** {@code {type: equal-t-closeness, attribute, t}}. */
    public static final ModelType<EqualDistanceTCloseness> EQUAL_T_CLOSENESS = new ModelType<>("equal-t-closeness",
            EqualDistanceTCloseness.class, (s, h) -> new EqualDistanceTCloseness(s.attribute(), s.number("t")),
            Key.ATTRIBUTE, Key.number("t"));
    /** {@code {type: hierarchical-t-closeness, attribute, t, hierarchy}}: the hierarchy as for a quasi-identifier. */
    public static final ModelType<HierarchicalDistanceTCloseness> HIERARCHICAL_T_CLOSENESS = new ModelType<>(
            "hierarchical-t-closeness", HierarchicalDistanceTCloseness.class,
            (s, h) -> new HierarchicalDistanceTCloseness(s.attribute(), s.number("t"),
                    h.apply(s.hierarchy("hierarchy"), s.attribute())),
            Key.ATTRIBUTE, Key.number("t"), Key.hierarchy("hierarchy"));
    /** {@code {type: ordered-t-closeness, attribute, t, order: lexical (default) | numeric}}. */
    public static final ModelType<OrderedDistanceTCloseness> ORDERED_T_CLOSENESS = new ModelType<>(
            "ordered-t-closeness", OrderedDistanceTCloseness.class,
            (s, h) -> new OrderedDistanceTCloseness(s.attribute(), s.number("t"), s.text("order").equals("numeric")),
            Key.ATTRIBUTE, Key.number("t"), Key.choice("order", "lexical", "numeric"));
    /** {@code {type: average-risk, threshold}}. */
    public static final ModelType<AverageRisk> AVERAGE_RISK = new ModelType<>("average-risk", AverageRisk.class,
            (s, h) -> new AverageRisk(s.number("threshold")), Key.number("threshold"));
    /** {@code {type: sample-uniqueness, threshold}}. */
    public static final ModelType<SampleUniqueness> SAMPLE_UNIQUENESS = new ModelType<>("sample-uniqueness",
            SampleUniqueness.class, (s, h) -> new SampleUniqueness(s.number("threshold")), Key.number("threshold"));
    /** {@code {type: maximum-risk, threshold}}. */
    public static final ModelType<MaximumRisk> MAXIMUM_RISK = new ModelType<>("maximum-risk", MaximumRisk.class,
            (s, h) -> new MaximumRisk(s.number("threshold")), Key.number("threshold"));

    private static final List<ModelType<?>> ALL = List.of(K_ANONYMITY, DISTINCT_L_DIVERSITY, ENTROPY_L_DIVERSITY,
            RECURSIVE_CL_DIVERSITY, EQUAL_T_CLOSENESS, HIERARCHICAL_T_CLOSENESS, ORDERED_T_CLOSENESS, AVERAGE_RISK,
            SAMPLE_UNIQUENESS, MAXIMUM_RISK);
    /** The key of the type's name in a model's declaration. */
    private static final String TYPE = "type";

    /** How a key's value is written. */
    enum Kind { WHOLE_NUMBER, NUMBER, TEXT, HIERARCHY }

    /**
     * One key of a model's declaration.
     *
     * @param choices for text, the values allowed (empty: any); the first is the value when the key is not given
     */
    record Key(String name, Kind kind, List<String> choices) {

        /** The sensitive attribute a model constrains. */
        static final Key ATTRIBUTE = new Key("attribute", Kind.TEXT, List.of());

        static Key wholeNumber(String name) {
            return new Key(name, Kind.WHOLE_NUMBER, List.of());
        }

        static Key number(String name) {
            return new Key(name, Kind.NUMBER, List.of());
        }

        static Key hierarchy(String name) {
            return new Key(name, Kind.HIERARCHY, List.of());
        }

        /** Text that is one of {@code choices}, the first when not given. */
        static Key choice(String name, String... choices) {
            return new Key(name, Kind.TEXT, List.of(choices));
        }

        /** The constants' names in lower case, the first when not given. */
        static Key choice(String name, Enum<?>... choices) {
            return choice(name, Arrays.stream(choices).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new));
        }

        boolean optional() {
            return !choices.isEmpty();
        }
    }

    /** Builds the model from a declaration's values; {@code hierarchies} builds a hierarchy key's hierarchy. */
    @FunctionalInterface
    interface Factory<M extends PrivacyModel> {
        M create(ModelSpec<M> spec, BiFunction<HierarchySpec, String, Hierarchy> hierarchies);
    }

    private final String name;
    private final Class<M> modelClass;
    private final Factory<M> factory;
    private final List<Key> keys;

    private ModelType(String name, Class<M> modelClass, Factory<M> factory, Key... keys) {
        this.name = name;
        this.modelClass = modelClass;
        this.factory = factory;
        this.keys = List.of(keys);
    }

    /** Every model type, in the order the README lists them. */
    public static List<ModelType<?>> all() {
        return ALL;
    }

    /** The type of this name in a policy. */
    public static Optional<ModelType<?>> named(String name) {
        return ALL.stream().filter(t -> t.name.equals(name)).findFirst();
    }

    /** The type of a model. */
    public static ModelType<?> of(PrivacyModel model) {
        for (ModelType<?> type : ALL) {
            if (type.modelClass == model.getClass()) {
                return type;
            }
        }
        throw new IllegalStateException(model.getClass().getName() + " is a privacy model with no ModelType");
    }

    /**
     * Reads one model's declaration, {@code {type: NAME, KEY: VALUE, ...}}, and checks it as far as it can be
     * without data: every key and value, and a hierarchy file's contents.
     *
     * @param baseDirectory the folder a hierarchy file's path is relative to
     * @throws org.uepdeid.anonymizer.input.DocumentException naming the key and the value that cannot be used
     */
    public static ModelSpec<?> read(DocumentNode declaration, Path baseDirectory) {
        String name = declaration.mapping().get(TYPE).text();
        ModelType<?> type = named(name).orElseThrow(() -> declaration.get(TYPE).invalid("must be a privacy model: "
                + String.join(", ", ALL.stream().map(ModelType::name).toList())));
        return type.readSpec(declaration, baseDirectory);
    }

    private ModelSpec<M> readSpec(DocumentNode declaration, Path baseDirectory) {
        List<String> known = new ArrayList<>(List.of(TYPE));
        known.addAll(keyNames());
        declaration.mapping(known);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, JsonNode> hierarchiesAsWritten = new LinkedHashMap<>();
        for (Key key : keys) {
            DocumentNode node = declaration.at(key.name());
            if (!node.isPresent() && key.optional()) {
                values.put(key.name(), key.choices().get(0));
                continue;
            }
            node = declaration.get(key.name());
            values.put(key.name(), switch (key.kind()) {
                case WHOLE_NUMBER -> node.wholeNumber();
                case NUMBER -> node.number();
                case TEXT -> choice(node, key);
                case HIERARCHY -> HierarchySpec.read(node, baseDirectory);
            });
            if (key.kind() == Kind.HIERARCHY) {
                hierarchiesAsWritten.put(key.name(), node.json());
            }
        }
        ModelSpec<M> spec = new ModelSpec<>(this, values, hierarchiesAsWritten);
        try {
            spec.check();
        } catch (IllegalArgumentException | HierarchyException e) {
            // The model's own checks reject what the declaration says: the user's to fix, named by where it is.
            throw declaration.error(e.getMessage(), e);
        }
        return spec;
    }

    private static String choice(DocumentNode node, Key key) {
        String text = node.text();
        if (!key.choices().isEmpty() && !key.choices().contains(text)) {
            throw node.invalid("must be one of " + String.join(", ", key.choices()));
        }
        return text;
    }

    /** The model's name in a policy, e.g. {@code k-anonymity}. */
    public String name() {
        return name;
    }

    /** The record that implements the model. */
    public Class<M> modelClass() {
        return modelClass;
    }

    /** The keys a declaration of this type may have besides {@code type}, in the order they are written. */
    public List<String> keyNames() {
        return keys.stream().map(Key::name).toList();
    }

    List<Key> keys() {
        return keys;
    }

    M create(ModelSpec<M> spec, BiFunction<HierarchySpec, String, Hierarchy> hierarchies) {
        return factory.create(spec, hierarchies);
    }

    @Override
    public String toString() {
        return name;
    }
}

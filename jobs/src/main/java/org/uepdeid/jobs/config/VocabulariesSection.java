package org.uepdeid.jobs.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * {@code aggregates.vocabularies}: the values the statistics products may name, fixed in config so that their cells are
 * known without looking at the data. Under differential privacy a product whose every dimension has a vocabulary has
 * a closed domain: each of its cells is published, noisy, zeros included, and a value outside the vocabulary counts
 * under {@value #OTHER}. A dimension without one is open, its cells selected privately. Setting vocabularies make the
 * listed (setting, value) cells public; any other setting or value is still selected privately.
 *
 * <p>A list names the values; a range {@code {from: A, to: B}} names the whole numbers from A to B (BIOS years,
 * partition counts).
 *
 * @param dimensions the vocabulary of each dimension that has one, by dimension name
 * @param settings   the public values of each setting, by setting name ({@code theme}, {@code dock.position}...)
 */
public record VocabulariesSection(Map<String, List<String>> dimensions, Map<String, List<String>> settings) {

    public static final String KEY = "vocabularies";
    public static final String BOARD_VENDOR = "board_vendor";
    public static final String BIOS_VENDOR = "bios_vendor";
    public static final String BIOS_YEAR = "bios_year";
    public static final String PARTITION_COUNT = "partition_count";
    public static final String FILE_SYSTEM = "file_system";
    public static final String NIC_VENDOR = "nic_vendor";
    public static final String KERNEL = "kernel";
    public static final String OS_VERSION = "os_version";
    public static final String SETTINGS = "settings";
    /** The label of every value outside a dimension's vocabulary. */
    public static final String OTHER = "other";
    /** The label of a missing value (as everywhere in the statistics). */
    public static final String NOT_DISCLOSED = "*";

    /** No vocabulary at all: every product's domain is open. */
    public static final VocabulariesSection NONE = new VocabulariesSection(Map.of(), Map.of());

    /** The dimensions that take a vocabulary, in config order. */
    public static final List<String> DIMENSIONS =
            List.of(BOARD_VENDOR, BIOS_VENDOR, BIOS_YEAR, PARTITION_COUNT, FILE_SYSTEM, NIC_VENDOR, KERNEL, OS_VERSION);
    /**
     * The most values a vocabulary may hold. File systems and network card vendors are sets per device, published as
     * one cell per subset: 2^(n+1) cells for n values, so their vocabularies must stay small.
     */
    public static final int MAX_VALUES = 1_000;
    public static final int MAX_SET_VALUES = 11;

    private static final List<String> KNOWN_KEYS = known();
    private static final List<String> RANGE_KEYS = List.of("from", "to");

    public VocabulariesSection {
        dimensions = copy(dimensions);
        settings = copy(settings);
    }

    /** The vocabulary of {@code dimension}, if it has one. */
    public Optional<List<String>> of(String dimension) {
        return Optional.ofNullable(dimensions.get(dimension));
    }

    /** Reads the section; absent it is {@link #NONE}. Every error names the key and the value. */
    static VocabulariesSection read(DocumentNode section) {
        if (!section.isPresent()) {
            return NONE;
        }
        section.mapping(KNOWN_KEYS);
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            DocumentNode node = section.at(dimension);
            if (node.isPresent()) {
                boolean sets = dimension.equals(FILE_SYSTEM) || dimension.equals(NIC_VENDOR);
                dimensions.put(dimension, node.isMapping() ? range(node, MAX_VALUES)
                        : values(node, sets ? MAX_SET_VALUES : MAX_VALUES, sets));
            }
        }
        Map<String, List<String>> settings = new LinkedHashMap<>();
        DocumentNode settingsNode = section.at(SETTINGS);
        if (settingsNode.isPresent()) {
            for (String setting : settingsNode.mapping().keys()) {
                settings.put(setting, values(settingsNode.get(setting), MAX_VALUES, false));
            }
        }
        return new VocabulariesSection(dimensions, settings);
    }

    /**
     * A list of distinct scalar values, none of them a reserved label; for a set-valued dimension none with a comma,
     * which joins a device's set.
     */
    private static List<String> values(DocumentNode node, int limit, boolean sets) {
        Set<String> values = new LinkedHashSet<>();
        for (DocumentNode element : node.list()) {
            if (!element.isPresent() || element.json().isContainerNode()) {
                throw element.invalid("must be a single value");
            }
            String value = element.json().asText();
            if (value.isBlank() || value.equals(OTHER) || value.equals(NOT_DISCLOSED)) {
                throw element.invalid("must be non-blank and not the reserved label \"" + OTHER + "\" or \""
                        + NOT_DISCLOSED + "\"");
            }
            if (sets && value.contains(",")) {
                throw element.invalid("must not hold a comma: a device's set of values is comma-joined");
            }
            if (!values.add(value)) {
                throw element.invalid("repeats \"" + value + "\"");
            }
        }
        return checked(node, new ArrayList<>(values), limit);
    }

    private static List<String> range(DocumentNode node, int limit) {
        node.mapping(RANGE_KEYS);
        int from = node.get("from").wholeNumber();
        int to = node.get("to").wholeNumber();
        if (to < from) {
            throw node.at("to").invalid("must be at least from (" + from + ")");
        }
        if ((long) to - from + 1 > limit) {
            throw node.invalid("names " + ((long) to - from + 1) + " values; at most " + limit);
        }
        List<String> values = new ArrayList<>();
        for (int value = from; value <= to; value++) {
            values.add(Integer.toString(value));
        }
        return values;
    }

    private static List<String> checked(DocumentNode node, List<String> values, int limit) {
        if (values.isEmpty()) {
            throw node.invalid("must name at least one value (leave the key out for an open domain)");
        }
        if (values.size() > limit) {
            throw node.invalid("names " + values.size() + " values; at most " + limit);
        }
        return values;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> vocabularies) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        vocabularies.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    private static List<String> known() {
        List<String> keys = new ArrayList<>(DIMENSIONS);
        keys.add(SETTINGS);
        return List.copyOf(keys);
    }
}

package org.uepdeid.anonymizer.hierarchy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.CsvFile;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Intervals;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Masking;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups;

/** Reads one attribute's {@link HierarchySpec} from a config node, with errors naming the attribute, key and value. */
final class HierarchySpecJson {

    /** The keys each type accepts: an unknown one is most likely a typo that would silently fall back to a default. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "csv", Set.of("type", "file", "delimiter"),
            "intervals", Set.of("type", "min", "max", "width", "fanout", "scale"),
            "dates", Set.of("type", "levels"),
            "masking", Set.of("type", "separator", "levels", "mask"),
            "groups", Set.of("type", "levels", "other"));

    /** ARX's separator, and the default for files named by a bare path. */
    private static final char CSV_DELIMITER = ';';

    /** Dates become months, then years, unless the config says otherwise (UEP-TELEMETRY: date → month → year). */
    private static final List<Dates.Granularity> DEFAULT_DATE_LEVELS =
            List.of(Dates.Granularity.MONTH, Dates.Granularity.YEAR);

    private final String attribute;
    private final Path baseDir;

    HierarchySpecJson(String attribute, Path baseDir) {
        this.attribute = attribute;
        this.baseDir = baseDir;
    }

    HierarchySpec parse(JsonNode node) {
        if (node != null && node.isTextual()) {
            return new CsvFile(path(node, "file"), CSV_DELIMITER);
        }
        if (node == null || !node.isObject()) {
            throw error("expected a CSV file path or an object with a 'type', got " + shown(node), null);
        }
        JsonNode typeNode = node.get("type");
        String type = text(node, "type");
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            throw invalid("type", typeNode, "one of " + new TreeSet<>(KEYS.keySet()));
        }
        for (Map.Entry<String, JsonNode> key : node.properties()) {
            if (!keys.contains(key.getKey())) {
                throw error("key '" + key.getKey() + "' (value " + shown(key.getValue()) + ") is not known for type "
                        + type + "; known keys: " + new TreeSet<>(keys), null);
            }
        }
        try {
            return switch (type) {
                case "csv" -> new CsvFile(path(required(node, "file"), "file"), character(node, "delimiter",
                        CSV_DELIMITER));
                case "intervals" -> intervals(node);
                case "dates" -> new Dates(dateLevels(node));
                case "masking" -> new Masking(character(required(node, "separator"), "separator"),
                        integer(required(node, "levels"), "levels"), optionalText(node, "mask", Masking.DEFAULT_MASK));
                case "groups" -> new OrderedGroups(groupLevels(node), optionalText(node, "other", null));
                default -> throw new IllegalStateException("type " + type + " is in KEYS but not parsed");
            };
        } catch (HierarchyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // The records name the field, which is the key; add which attribute's config it is.
            throw error("type " + type + ": " + e.getMessage(), e);
        }
    }

    private Intervals intervals(JsonNode node) {
        JsonNode scaleNode = node.get("scale");
        Intervals.Scale scale = Intervals.Scale.LINEAR;
        if (scaleNode != null) {
            String name = text(node, "scale");
            if (!name.equals("linear") && !name.equals("log2")) {
                throw invalid("scale", scaleNode, "linear or log2");
            }
            scale = Intervals.Scale.valueOf(name.toUpperCase(Locale.ROOT));
        }
        JsonNode width = node.get("width");
        JsonNode fanout = node.get("fanout");
        return new Intervals(number(required(node, "min"), "min"), number(required(node, "max"), "max"),
                width == null ? null : number(width, "width"),
                fanout == null ? Intervals.DEFAULT_FANOUT : integer(fanout, "fanout"), scale);
    }

    private List<Dates.Granularity> dateLevels(JsonNode node) {
        JsonNode levels = node.get("levels");
        if (levels == null) {
            return DEFAULT_DATE_LEVELS;
        }
        List<Dates.Granularity> granularities = new ArrayList<>();
        for (JsonNode level : array(levels, "key 'levels'")) {
            String name = level.isTextual() ? level.textValue() : "";
            if (!Set.of("day", "month", "year", "decade").contains(name)) {
                throw invalid("levels", level, "a list from day, month, year, decade");
            }
            granularities.add(Dates.Granularity.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return granularities;
    }

    private List<List<OrderedGroups.Group>> groupLevels(JsonNode node) {
        List<List<OrderedGroups.Group>> levels = new ArrayList<>();
        for (JsonNode level : array(required(node, "levels"), "key 'levels'")) {
            if (!level.isObject()) {
                throw invalid("levels", level, "a list of objects, one per level, mapping group labels to members");
            }
            List<OrderedGroups.Group> groups = new ArrayList<>();
            for (Map.Entry<String, JsonNode> group : level.properties()) {
                String where = "key 'levels', level " + (levels.size() + 1) + ", group '" + group.getKey() + "'";
                List<String> members = new ArrayList<>();
                for (JsonNode member : array(group.getValue(), where)) {
                    // YAML reads 1.10 as the number 1.1: accept only text, which keeps what was written.
                    if (!member.isTextual()) {
                        throw invalidAt(where + ", each member", member,
                                "text; quote it (\"1.10\") so YAML keeps it as written");
                    }
                    members.add(member.textValue());
                }
                groups.add(new OrderedGroups.Group(group.getKey(), members));
            }
            levels.add(groups);
        }
        return levels;
    }

    private Path path(JsonNode node, String key) {
        String text = node.isTextual() ? node.textValue() : "";
        if (text.isBlank()) {
            throw invalid(key, node, "a file path");
        }
        try {
            return baseDir.resolve(text);
        } catch (InvalidPathException e) {
            throw invalid(key, node, "a valid file path (" + e.getReason() + ")");
        }
    }

    private JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error("key '" + key + "' is required", null);
        }
        return value;
    }

    private String text(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isTextual()) {
            throw invalid(key, value, "text");
        }
        return value.textValue();
    }

    private String optionalText(JsonNode node, String key, String absent) {
        return node.has(key) ? text(node, key) : absent;
    }

    private char character(JsonNode node, String key, char absent) {
        JsonNode value = node.get(key);
        return value == null ? absent : character(value, key);
    }

    private char character(JsonNode value, String key) {
        if (!value.isTextual() || value.textValue().length() != 1) {
            throw invalid(key, value, "a single character");
        }
        return value.textValue().charAt(0);
    }

    private BigDecimal number(JsonNode value, String key) {
        // Through the text, which is exact for every numeric node and rejects NaN and infinities from lenient parsers.
        try {
            return new BigDecimal(value.isNumber() || value.isTextual() ? value.asText() : "");
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a number");
        }
    }

    private int integer(JsonNode value, String key) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(key, value, "an integer");
        }
        return value.intValue();
    }

    private Iterable<JsonNode> array(JsonNode value, String where) {
        if (!value.isArray()) {
            throw invalidAt(where, value, "a list");
        }
        return value;
    }

    private HierarchyException invalid(String key, JsonNode value, String expected) {
        return invalidAt("key '" + key + "'", value, expected);
    }

    /** For a value deeper than a key: {@code where} says where, e.g. which group of which level. */
    private HierarchyException invalidAt(String where, JsonNode value, String expected) {
        return error(where + " must be " + expected + ", got " + shown(value), null);
    }

    private HierarchyException error(String problem, Throwable cause) {
        return new HierarchyException("hierarchy config of '" + attribute + "': " + problem, cause);
    }

    /** JSON's own rendering, so text shows quoted and a number or a list shows as written. */
    private static String shown(JsonNode value) {
        return value == null ? "nothing" : value.toString();
    }
}

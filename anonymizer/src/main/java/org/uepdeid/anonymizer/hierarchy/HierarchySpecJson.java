package org.uepdeid.anonymizer.hierarchy;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.CsvFile;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Dates;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Intervals;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.Masking;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups;
import org.uepdeid.anonymizer.input.DocumentNode;

/** Reads one attribute's {@link HierarchySpec} from a document, with errors naming the document, key and value. */
final class HierarchySpecJson {

    /** The keys each type accepts: an unknown one is most likely a typo that would silently fall back to a default. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "csv", List.of("type", "file", "delimiter"),
            "intervals", List.of("type", "min", "max", "width", "fanout", "scale"),
            "dates", List.of("type", "levels"),
            "masking", List.of("type", "separator", "levels", "mask"),
            "groups", List.of("type", "levels", "other"));

    /** ARX's separator, and the default for files named by a bare path. */
    private static final char CSV_DELIMITER = ';';

    /** Dates become months, then years, unless the config says otherwise (UEP-TELEMETRY: date → month → year). */
    private static final List<Dates.Granularity> DEFAULT_DATE_LEVELS =
            List.of(Dates.Granularity.MONTH, Dates.Granularity.YEAR);

    private final Path baseDir;

    HierarchySpecJson(Path baseDir) {
        this.baseDir = baseDir;
    }

    HierarchySpec parse(DocumentNode node) {
        if (node.isText()) {
            return new CsvFile(path(node), CSV_DELIMITER);
        }
        if (!node.isMapping()) {
            throw node.invalid("must be a CSV file path or a mapping with a 'type'");
        }
        DocumentNode typeNode = node.mapping().get("type");
        String type = typeNode.text();
        List<String> keys = KEYS.get(type);
        if (keys == null) {
            throw typeNode.invalid("must be one of " + new TreeSet<>(KEYS.keySet()));
        }
        node.mapping(keys);
        try {
            return switch (type) {
                case "csv" -> new CsvFile(path(node.get("file")), character(node.at("delimiter"), CSV_DELIMITER));
                case "intervals" -> intervals(node);
                case "dates" -> new Dates(dateLevels(node.at("levels")));
                case "masking" -> new Masking(character(node.get("separator"), CSV_DELIMITER),
                        node.get("levels").wholeNumber(), node.has("mask") ? node.get("mask").string()
                        : Masking.DEFAULT_MASK);
                default -> new OrderedGroups(groupLevels(node.get("levels")), node.text("other", null));
            };
        } catch (IllegalArgumentException e) {
            // The records name the field, which is the key: what was read from this mapping is the user's to fix.
            throw node.error("type " + type + ": " + e.getMessage(), e);
        }
    }

    private static Intervals intervals(DocumentNode node) {
        Intervals.Scale scale = Intervals.Scale.LINEAR;
        if (node.has("scale")) {
            DocumentNode scaleNode = node.get("scale");
            String name = scaleNode.text();
            if (!name.equals("linear") && !name.equals("log2")) {
                throw scaleNode.invalid("must be linear or log2");
            }
            scale = Intervals.Scale.valueOf(name.toUpperCase(Locale.ROOT));
        }
        return new Intervals(bound(node.get("min")), bound(node.get("max")),
                node.has("width") ? bound(node.get("width")) : null,
                node.wholeNumber("fanout", Intervals.DEFAULT_FANOUT), scale);
    }

    /** A number, or text holding one (YAML reads {@code 1.10} as 1.1; quoted, the bound stays exactly as written). */
    private static BigDecimal bound(DocumentNode node) {
        if (!node.isText()) {
            return node.decimal();
        }
        try {
            return new BigDecimal(node.text());
        } catch (NumberFormatException e) {
            throw node.invalid("must be a number");
        }
    }

    private static List<Dates.Granularity> dateLevels(DocumentNode levels) {
        if (!levels.isPresent()) {
            return DEFAULT_DATE_LEVELS;
        }
        List<Dates.Granularity> granularities = new ArrayList<>();
        for (DocumentNode level : levels.list()) {
            String name = level.isText() ? level.string() : "";
            if (!List.of("day", "month", "year", "decade").contains(name)) {
                throw level.invalid("must be one of day, month, year, decade");
            }
            granularities.add(Dates.Granularity.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        return granularities;
    }

    private static List<List<OrderedGroups.Group>> groupLevels(DocumentNode levels) {
        List<List<OrderedGroups.Group>> groups = new ArrayList<>();
        for (DocumentNode level : levels.list()) {
            List<OrderedGroups.Group> inLevel = new ArrayList<>();
            for (String label : level.keys()) {
                List<String> members = new ArrayList<>();
                for (DocumentNode member : level.get(label).list()) {
                    // YAML reads 1.10 as the number 1.1: accept only text, which keeps what was written.
                    if (!member.isText()) {
                        throw member.invalid("must be text; quote it (\"1.10\") so YAML keeps it as written");
                    }
                    members.add(member.string());
                }
                inLevel.add(new OrderedGroups.Group(label, members));
            }
            groups.add(inLevel);
        }
        return groups;
    }

    private Path path(DocumentNode node) {
        String text = node.isText() ? node.string() : "";
        if (text.isBlank()) {
            throw node.invalid("must be a file path");
        }
        try {
            return baseDir.resolve(text);
        } catch (InvalidPathException e) {
            throw node.invalid("must be a valid file path (" + e.getReason() + ")");
        }
    }

    private static char character(DocumentNode node, char absent) {
        if (!node.isPresent()) {
            return absent;
        }
        if (!node.isText() || node.string().length() != 1) {
            throw node.invalid("must be a single character");
        }
        return node.string().charAt(0);
    }
}

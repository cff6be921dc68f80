package org.uepdeid.anonymizer.hierarchy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * How to get the hierarchy of one attribute: read an ARX CSV file or build it from the attribute's domain.
 *
 * <p>Every kind gives each domain value a row: the value, its labels at levels 1..h-1, and {@code *} at level h.
 * The height depends on the spec alone, never on the domain, so a hierarchy built from another day's data has the
 * same levels. Records check their fields when constructed; {@link #build} checks the domain against them.
 *
 * <p>In YAML (parsed by {@link #fromJson}; keys are snake_case, paths are relative to the config's folder):
 * <pre>{@code
 * age: hierarchies/age.csv                     # shorthand for type: csv with delimiter ';'
 * cpu_model: {type: csv, file: hierarchies/cpu.csv, delimiter: ";"}
 * cpu_cores: {type: intervals, min: 1, max: 64, width: 4, fanout: 2}  # [1, 5) ... [61, 64); <1 and >=64 outside
 * memory_mb: {type: intervals, scale: log2, min: 1024, max: 1048576}  # [1024, 2048) [2048, 4096) ...; fanout 2
 * last_update: {type: dates, levels: [month, year]}  # from day, month, year, decade; fine to coarse
 * ip_prefix: {type: masking, separator: ".", levels: 3}     # 10.3.22.* / 10.3.* / 10.* / *
 * language: {type: masking, separator: "_", levels: 1, mask: ""}   # zh / *
 * cpu_family:
 *   type: groups
 *   other: Other                               # optional: label for values no group lists
 *   levels:                                    # level 1 groups base values, level 2 groups level-1 groups, ...
 *     - {Core i5: [i5-8250U, i5-1135G7], Ryzen 5: [Ryzen 5 3500U]}
 *     - {Intel: [Core i5], AMD: [Ryzen 5], Other: [Other]}
 * }</pre>
 */
public sealed interface HierarchySpec {

    /**
     * The hierarchy of {@code attribute}, with a row for every value of {@code domain} (repeats are ignored); a CSV
     * file keeps all its rows.
     *
     * @throws HierarchyException naming the attribute, the source and a value the spec cannot generalize
     */
    Hierarchy build(String attribute, Collection<String> domain);

    /**
     * The hierarchy this spec fixes without data, a CSV file's whole table; empty for a builder, whose rows come from
     * the data's values.
     *
     * @throws HierarchyException if the file cannot be read or is not a valid hierarchy
     */
    default Optional<Hierarchy> fixed(String attribute) {
        return Optional.empty();
    }

    /**
     * Every label this spec gives at {@code level}, when they are known without the data: a CSV file's, every
     * interval's above level 0, each group's of a spec without {@code other}. Empty for dates, masking, groups with an
     * {@code other} label and the numbers of intervals, whose labels follow the data's values. Statistics over
     * anonymized classes publish every label of the chosen level, zeros included.
     *
     * @throws HierarchyException naming the attribute when the spec has no such level
     */
    default Optional<List<String>> knownLabels(String attribute, int level) {
        return Optional.empty();
    }

    /**
     * The values of {@code domain} this spec can place, in first-seen order: those a CSV file lists, those a builder
     * can read (a number for intervals, a date for dates, a listed member for groups without {@code other}). The
     * caller sets the records of the others aside, rather than failing the whole domain.
     */
    default Set<String> placeable(String attribute, Collection<String> domain) {
        Set<String> values = DomainRows.distinct(attribute, "the data", domain);
        try {
            build(attribute, values);
            return values;
        } catch (HierarchyException e) {
            // Some value cannot be placed: find which, one by one (only on days with such values).
            Set<String> placeable = new LinkedHashSet<>();
            for (String value : values) {
                try {
                    build(attribute, List.of(value));
                    placeable.add(value);
                } catch (HierarchyException rejected) {
                    // not placeable: left out, so its records are set aside
                }
            }
            return placeable;
        }
    }

    /**
     * Reads a spec from a YAML or JSON document: text is a CSV path, a mapping has a {@code type} and that type's keys
     * (see the class comment).
     *
     * @param baseDir the folder relative paths are resolved against, usually the config file's
     * @throws org.uepdeid.anonymizer.input.DocumentException naming the document, the key path and the bad value, for
     *     an unknown type, a missing, unknown or invalid key
     */
    static HierarchySpec read(DocumentNode node, Path baseDir) {
        return new HierarchySpecJson(baseDir).parse(node);
    }

    /** Reads a spec from a bare JSON tree, named in messages as the hierarchy config of {@code attribute}. */
    static HierarchySpec fromJson(JsonNode node, Path baseDir, String attribute) {
        return read(DocumentNode.of(node, "hierarchy config of '" + attribute + "'"), baseDir);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** A hierarchy in ARX's CSV format; it must list every value of the domain. */
    record CsvFile(Path file, char separator) implements HierarchySpec {

        public CsvFile {
            required(file, "file");
            if (separator == '\n' || separator == '\r') {
                throw new IllegalArgumentException("separator must not be a line break");
            }
        }

        /** A file with ARX's default separator {@code ;}. */
        public CsvFile(Path file) {
            this(file, ';');
        }

        /** Loads the whole file (its size is ARX's domain size for Loss), then checks it covers the domain. */
        @Override
        public Hierarchy build(String attribute, Collection<String> domain) {
            Hierarchy hierarchy = HierarchyCsv.read(attribute, file, separator);
            List<String> missing = DomainRows.distinct(attribute, file.toString(), domain).stream()
                    .filter(value -> hierarchy.rowOf(value) < 0)
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                throw DomainRows.notUsable(attribute, file.toString(), missing,
                        "is in the data but not in the file; add a row for it");
            }
            return hierarchy;
        }

        @Override
        public Optional<Hierarchy> fixed(String attribute) {
            return Optional.of(HierarchyCsv.read(attribute, file, separator));
        }

        @Override
        public Optional<List<String>> knownLabels(String attribute, int level) {
            return fixed(attribute).map(h -> h.labelsAt(level));
        }

        @Override
        public Set<String> placeable(String attribute, Collection<String> domain) {
            Hierarchy hierarchy = HierarchyCsv.read(attribute, file, separator);
            Set<String> values = DomainRows.distinct(attribute, file.toString(), domain);
            values.removeIf(value -> hierarchy.rowOf(value) < 0);
            return values;
        }
    }

    /**
     * Numeric ranges: level 1 cuts [min, max) into intervals, each further level merges {@code fanout} adjacent ones,
     * while more than one would remain; then {@code *}.
     *
     * <p>Labels are half-open {@code [lo, hi)}, which reads the same for integers and decimals; the last interval is
     * cut at max. Values below min are labelled {@code <min} and values from max up {@code >=max} at every level
     * below {@code *}, so outliers do not stretch the ranges. With {@link Scale#LINEAR} intervals are {@code width}
     * wide; with {@link Scale#LOG2} they double from min ({@code [8192, 16384)}), for sizes such as memory, and
     * {@code width} must be null.
     */
    record Intervals(BigDecimal min, BigDecimal max, BigDecimal width, int fanout, Scale scale)
            implements HierarchySpec {

        /** Merge two adjacent intervals per level unless told otherwise. */
        public static final int DEFAULT_FANOUT = 2;

        /** How level-1 intervals grow. */
        public enum Scale { LINEAR, LOG2 }

        public Intervals {
            required(min, "min");
            required(max, "max");
            required(scale, "scale");
            if (min.compareTo(max) >= 0) {
                throw new IllegalArgumentException("min (" + IntervalLabels.plain(min) + ") must be below max ("
                        + IntervalLabels.plain(max) + ")");
            }
            if (fanout < 2) {
                throw new IllegalArgumentException("fanout must be at least 2, got " + fanout);
            }
            if (scale == Scale.LINEAR) {
                required(width, "width (for scale linear)");
                if (width.signum() <= 0) {
                    throw new IllegalArgumentException("width must be positive, got " + IntervalLabels.plain(width));
                }
            } else {
                if (width != null) {
                    throw new IllegalArgumentException("width must be absent for scale log2, where intervals double"
                            + " from min; got " + IntervalLabels.plain(width));
                }
                if (min.signum() <= 0) {
                    throw new IllegalArgumentException("min must be positive for scale log2, got "
                            + IntervalLabels.plain(min));
                }
            }
            IntervalLabels.count(min, max, width, scale);
        }

        /** Intervals {@code width} wide from min. */
        public static Intervals linear(BigDecimal min, BigDecimal max, BigDecimal width, int fanout) {
            return new Intervals(min, max, width, fanout, Scale.LINEAR);
        }

        /** Power-of-two intervals from min: [min, 2min), [2min, 4min), ... */
        public static Intervals log2(BigDecimal min, BigDecimal max, int fanout) {
            return new Intervals(min, max, null, fanout, Scale.LOG2);
        }

        @Override
        public Hierarchy build(String attribute, Collection<String> domain) {
            IntervalLabels labels = new IntervalLabels(this);
            return DomainRows.build(attribute, domain, source(), Intervals::parse, Comparator.naturalOrder(),
                    labels::labels);
        }

        /** One number per interval (with one below min and one from max) reaches every label above level 0. */
        @Override
        public Optional<List<String>> knownLabels(String attribute, int level) {
            if (level == 0) {
                return Optional.empty(); // the data's own numbers
            }
            return new IntervalLabels(this).representatives().map(values -> build(attribute, values).labelsAt(level));
        }

        private String source() {
            return "intervals(" + (scale == Scale.LOG2 ? "scale=log2, " : "") + "min=" + IntervalLabels.plain(min)
                    + ", max=" + IntervalLabels.plain(max)
                    + (width == null ? "" : ", width=" + IntervalLabels.plain(width)) + ", fanout=" + fanout + ")";
        }

        private static BigDecimal parse(String value) {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new DomainRows.Rejected("is not a number");
            }
        }
    }

    /**
     * Calendar generalization of ISO dates ({@code 2026-11-27}) and timestamps ({@code 2026-11-27T10:15:30+08:00}):
     * one level per granularity, fine to coarse, then {@code *}. A timestamp counts on the date it was written with
     * (its own offset), not converted to UTC, so a month does not depend on where the job runs.
     */
    record Dates(List<Granularity> levels) implements HierarchySpec {

        private static final DateTimeFormatter DATE_OR_TIMESTAMP = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_TIME).optionalEnd()
                .toFormatter(Locale.ROOT)
                // STRICT so that 2026-02-30 is an error, not quietly 2026-02-28.
                .withResolverStyle(ResolverStyle.STRICT);

        /** A calendar unit a date is generalized to. */
        public enum Granularity {
            /** {@code 2026-11-27}: drops the time of a timestamp. */
            DAY,
            /** {@code 2026-11}. */
            MONTH,
            /** {@code 2026}. */
            YEAR,
            /** {@code 2020s}. */
            DECADE;

            String label(LocalDate date) {
                return switch (this) {
                    case DAY -> date.toString();
                    case MONTH -> YearMonth.from(date).toString();
                    case YEAR -> String.valueOf(date.getYear());
                    case DECADE -> Math.floorDiv(date.getYear(), 10) * 10 + "s";
                };
            }
        }

        public Dates {
            required(levels, "levels");
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("levels must name at least one of day, month, year, decade");
            }
            for (int i = 1; i < levels.size(); i++) {
                if (levels.get(i).compareTo(levels.get(i - 1)) <= 0) {
                    throw new IllegalArgumentException("levels must go from fine to coarse without repeats, got "
                            + names(levels));
                }
            }
        }

        @Override
        public Hierarchy build(String attribute, Collection<String> domain) {
            return DomainRows.build(attribute, domain, "dates" + names(levels), Dates::parse,
                    Comparator.naturalOrder(), date -> levels.stream().map(g -> g.label(date)).toList());
        }

        private static String names(List<Granularity> levels) {
            return levels.stream().map(g -> g.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        private static LocalDate parse(String value) {
            try {
                return DATE_OR_TIMESTAMP.parse(value, LocalDate::from);
            } catch (DateTimeParseException e) {
                throw new DomainRows.Rejected("is not an ISO date (yyyy-MM-dd) or timestamp (yyyy-MM-ddTHH:mm:ss, "
                        + "optionally with an offset)");
            }
        }
    }

    /**
     * Keeps a shrinking prefix of separator-delimited components, for IP addresses, versions and language tags:
     * level k keeps the first {@code levels + 1 - k} components, then comes {@code *}.
     *
     * <p>A label is the kept components followed by the separator and {@code mask} ({@code 10.3.*}), or the kept
     * components alone when {@code mask} is empty ({@code zh}). A shorter value keeps all its components and
     * shares the label of the longer values with that prefix ({@code 23.0} is in {@code 23.0.*} at the level that
     * keeps two), so every row has the same height and the hierarchy stays functional.
     */
    record Masking(char separator, int levels, String mask) implements HierarchySpec {

        /** The mask ARX's masking builder writes. */
        public static final String DEFAULT_MASK = "*";

        public Masking {
            if (levels < 1) {
                throw new IllegalArgumentException("levels must be at least 1, got " + levels);
            }
            required(mask, "mask");
        }

        /** Masking with {@link #DEFAULT_MASK}. */
        public Masking(char separator, int levels) {
            this(separator, levels, DEFAULT_MASK);
        }

        @Override
        public Hierarchy build(String attribute, Collection<String> domain) {
            Pattern split = Pattern.compile(Pattern.quote(String.valueOf(separator)));
            String source = "masking(separator '" + separator + "', " + levels + " levels, mask '" + mask + "')";
            return DomainRows.build(attribute, domain, source, value -> List.of(split.split(value, -1)),
                    Masking::compareComponents, this::labels);
        }

        private List<String> labels(List<String> components) {
            String sep = String.valueOf(separator);
            List<String> labels = new ArrayList<>(levels);
            for (int level = 1; level <= levels; level++) {
                List<String> kept = components.subList(0, Math.min(levels + 1 - level, components.size()));
                String prefix = String.join(sep, kept);
                labels.add(mask.isEmpty() ? prefix : prefix + sep + mask);
            }
            return labels;
        }

        /** Component by component, numbers by value, so rows read 10.3.9.1 before 10.3.22.7 and 9.0 before 23.0. */
        private static int compareComponents(List<String> a, List<String> b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String x = a.get(i);
                String y = b.get(i);
                int byNumber = isDigits(x) && isDigits(y) ? new BigInteger(x).compareTo(new BigInteger(y)) : 0;
                int order = byNumber != 0 ? byNumber : x.compareTo(y);
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        private static boolean isDigits(String s) {
            return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
        }
    }

    /**
     * Explicit groups per level: level 1 groups base values, each further level groups the labels of the level
     * below, then {@code *}. Rows follow the order the level-1 groups list their members.
     *
     * <p>A base value no group lists is an error, unless {@code other} is set: then it is labelled {@code other},
     * which keeps that name at higher levels unless a group there lists it.
     */
    record OrderedGroups(List<List<Group>> levels, String other) implements HierarchySpec {

        /** One group: its label and the members (base values or labels of the level below) it covers, in order. */
        public record Group(String label, List<String> members) {
            public Group {
                required(label, "label");
                if (label.isBlank()) {
                    throw new IllegalArgumentException("label must not be blank");
                }
                required(members, "members of '" + label + "'");
                if (members.isEmpty()) {
                    throw new IllegalArgumentException("members of '" + label + "' must not be empty");
                }
                // Not contains(null): immutable lists throw on that instead of answering.
                if (members.stream().anyMatch(Objects::isNull)) {
                    throw new IllegalArgumentException("members of '" + label + "' must not contain null");
                }
                members = List.copyOf(members);
            }
        }

        public OrderedGroups {
            required(levels, "levels");
            if (levels.isEmpty()) {
                throw new IllegalArgumentException("levels must list at least one level of groups");
            }
            List<List<Group>> copy = new ArrayList<>(levels.size());
            for (int k = 0; k < levels.size(); k++) {
                List<Group> groups = required(levels.get(k), "levels: level " + (k + 1));
                if (groups.isEmpty()) {
                    throw new IllegalArgumentException("levels: level " + (k + 1) + " has no groups");
                }
                if (groups.stream().anyMatch(Objects::isNull)) {
                    throw new IllegalArgumentException("levels: level " + (k + 1) + " has a null group");
                }
                copy.add(List.copyOf(groups));
            }
            levels = List.copyOf(copy);
            if (other != null && other.isBlank()) {
                throw new IllegalArgumentException("other must not be blank; leave it out to reject unlisted values");
            }
            new GroupLabels(levels, other); // for its checks: the groups must link up level to level
        }

        @Override
        public Hierarchy build(String attribute, Collection<String> domain) {
            GroupLabels groups = new GroupLabels(levels, other);
            String source = "groups(" + levels.size() + " levels" + (other == null ? "" : ", other '" + other + "'")
                    + ")";
            return DomainRows.build(attribute, domain, source, groups::accept, Comparator.comparingInt(groups::rank),
                    groups::labels);
        }

        /** The listed members reach every label, when no {@code other} label stands for values the data may bring. */
        @Override
        public Optional<List<String>> knownLabels(String attribute, int level) {
            if (other != null) {
                return Optional.empty();
            }
            return Optional.of(build(attribute, new GroupLabels(levels, null).members()).labelsAt(level));
        }
    }
}

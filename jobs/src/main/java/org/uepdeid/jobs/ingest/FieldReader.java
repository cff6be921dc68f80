package org.uepdeid.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads one field of a JSON object as the typed value of a staging column, or rejects the line naming the field.
 *
 * <p>Absent and {@code null} fields read as {@code null} unless wrapped in {@link #required}. Values are checked, not
 * coerced: {@code "16G"} for a number is {@link QuarantineReason#WRONG_TYPE}, never a silent null. Values are in the
 * external types Spark's row encoder expects (java.sql dates and timestamps, Scala collections).
 */
@FunctionalInterface
interface FieldReader {

    /** Longer text is not a model name or a setting; it is a paste, a path or worse. */
    int MAX_TEXT_LENGTH = 256;

    /** How dmidecode writes BIOS dates. */
    DateTimeFormatter DMIDECODE_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

    Object read(JsonNode object, String objectPath);

    static String path(String objectPath, String field) {
        return objectPath.isEmpty() ? field : objectPath + "." + field;
    }

    /** The field, or {@code null} when it is absent or JSON {@code null}. */
    static JsonNode present(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** How a present field of the right JSON kind becomes a column value; {@code path} names it in a rejection. */
    @FunctionalInterface
    interface Value {
        Object of(JsonNode node, String path);
    }

    /**
     * The shape every typed reader shares: absent or {@code null} reads as {@code null}, a field of another JSON kind
     * than {@code kind} is {@link QuarantineReason#WRONG_TYPE}, anything else is read by {@code value}.
     */
    static FieldReader typed(String field, Predicate<JsonNode> kind, Value value) {
        return (object, objectPath) -> {
            JsonNode node = present(object, field);
            if (node == null) {
                return null;
            }
            String path = path(objectPath, field);
            if (!kind.test(node)) {
                throw new LineRejected(QuarantineReason.WRONG_TYPE, path);
            }
            return value.of(node, path);
        };
    }

    static FieldReader required(String field, FieldReader reader) {
        return (object, objectPath) -> {
            Object value = reader.read(object, objectPath);
            if (value == null) {
                throw new LineRejected(QuarantineReason.MISSING_FIELD, path(objectPath, field));
            }
            return value;
        };
    }

    static FieldReader text(String field) {
        return (object, objectPath) -> {
            JsonNode node = present(object, field);
            return node == null ? null : checkedText(node, path(objectPath, field));
        };
    }

    /** Text kept in staging: short (its personal data was redacted before, {@link PublishableText}). */
    static String checkedText(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new LineRejected(QuarantineReason.WRONG_TYPE, path);
        }
        String text = node.asText();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
        }
        return text;
    }

    static FieldReader oneOf(String field, Set<String> allowed) {
        return typed(field, JsonNode::isTextual, (node, path) -> {
            if (!allowed.contains(node.asText())) {
                throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
            }
            return node.asText();
        });
    }

    static FieldReader positiveInt(String field) {
        return typed(field, JsonNode::isIntegralNumber, (node, path) -> {
            long value = positive(node, path);
            if (value > Integer.MAX_VALUE) {
                throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
            }
            return (int) value;
        });
    }

    static FieldReader positiveLong(String field) {
        return typed(field, JsonNode::isIntegralNumber, FieldReader::positive);
    }

    private static long positive(JsonNode integral, String path) {
        if (!integral.canConvertToLong() || integral.longValue() <= 0) {
            throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
        }
        return integral.longValue();
    }

    static FieldReader nonNegativeDouble(String field) {
        return typed(field, JsonNode::isNumber, (node, path) -> {
            double value = node.doubleValue();
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
            }
            return value;
        });
    }

    /** An ISO-8601 timestamp with offset, as the instant it denotes. */
    static FieldReader timestamp(String field) {
        return (object, objectPath) -> {
            JsonNode node = present(object, field);
            return node == null ? null : Timestamp.from(offsetDateTime(node, path(objectPath, field)).toInstant());
        };
    }

    static OffsetDateTime offsetDateTime(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new LineRejected(QuarantineReason.BAD_TIMESTAMP, path);
        }
        try {
            return IsoTime.offsetDateTime(node.asText());
        } catch (DateTimeParseException e) {
            throw new LineRejected(QuarantineReason.BAD_TIMESTAMP, path);
        }
    }

    /** A day: {@code 2024-05-12}, dmidecode's {@code 05/12/2024}, or the local date of an ISO timestamp. */
    static FieldReader date(String field) {
        return typed(field, JsonNode::isTextual, (node, path) -> Date.valueOf(localDate(node.asText(), path)));
    }

    private static LocalDate localDate(String text, String path) {
        try {
            return IsoTime.localDate(text);
        } catch (DateTimeParseException e) {
            // try the next accepted form
        }
        try {
            return LocalDate.parse(text, DMIDECODE_DATE);
        } catch (DateTimeParseException e) {
            // try the next accepted form
        }
        try {
            return IsoTime.offsetDateTime(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
        }
    }

    /** A list of objects, each read by {@code element}; only the element's columns are kept. */
    static FieldReader structArray(String field, StructReader element) {
        return typed(field, JsonNode::isArray, (node, path) -> {
            List<Row> rows = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                if (!node.get(i).isObject()) {
                    throw new LineRejected(QuarantineReason.WRONG_TYPE, itemPath);
                }
                rows.add(element.read(node.get(i), itemPath));
            }
            return CollectionConverters.asScala(rows).toSeq();
        });
    }

    /**
     * A flat object of settings ({@code system.dock}, ...) as a map from snake-case names to their scalar values as
     * text; {@code null} values are left out. A nested object or list is {@link QuarantineReason#WRONG_TYPE}.
     */
    static FieldReader settings(String field) {
        Pattern settingName = Pattern.compile("[a-z][a-z0-9_]{0,31}");
        return typed(field, JsonNode::isObject, (node, path) -> {
            Map<String, String> settings = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> setting = it.next();
                if (!settingName.matcher(setting.getKey()).matches()) {
                    throw new LineRejected(QuarantineReason.INVALID_VALUE, path);
                }
                String settingPath = path + "." + setting.getKey();
                JsonNode value = setting.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (value.isContainerNode()) {
                    throw new LineRejected(QuarantineReason.WRONG_TYPE, settingPath);
                }
                settings.put(setting.getKey(), value.isTextual() ? checkedText(value, settingPath) : value.asText());
            }
            return CollectionConverters.asScala(settings);
        });
    }

    /** {@code system.wallpaper} reduced to {@link WallpaperCategory}; the path itself is never kept. */
    static FieldReader wallpaperCategory(String field) {
        return (object, objectPath) -> {
            JsonNode node = present(object, field);
            if (node != null && !node.isTextual()) {
                throw new LineRejected(QuarantineReason.WRONG_TYPE, path(objectPath, field));
            }
            return WallpaperCategory.of(node == null ? null : node.asText()).code();
        };
    }

    /**
     * A partition's mount point if it is a standard system one, else {@code other}: mounts such as
     * {@code /media/zhangsan/USB} carry user names.
     */
    static FieldReader mountPoint(String field) {
        Set<String> system = Set.of("/", "/boot", "/boot/efi", "/home", "/root", "/var", "/tmp", "/usr", "/opt",
                "/srv", "/data", "/recovery", "[SWAP]", "swap");
        return typed(field, JsonNode::isTextual,
                (node, path) -> system.contains(node.asText()) ? node.asText() : "other");
    }
}

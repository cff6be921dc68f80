package org.uepdeid.anonymizer.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One value of a JSON or YAML document (a policy, a pipeline or generator config, a manifest, a report's input) with
 * typed reads, whose every error names the document, the key path and the value in one format:
 * {@code jobs-config/pipeline.yaml: anonymization.privacy_models[0].k: must be a whole number, got 2.5}.
 *
 * <p>Numbers: JSON and YAML have one kind of number, so a whole number is any number without a fractional part
 * ({@code 3} and {@code 3.0} are, {@code 3.5} is not). Text is never a number ({@code "3"} is not), nor is NaN or an
 * infinity. Absent and {@code null} read alike: a key set to null is a key not given.
 */
public final class DocumentNode {

    /** Configured once and only read afterwards, which Jackson documents as thread-safe. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** How a document is written. */
    public enum Format {
        JSON, YAML;

        /** JSON for a {@code .json} file, YAML (which also reads JSON) for anything else. */
        public static Format of(String fileName) {
            return fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    private final JsonNode node;
    private final String source;
    private final String path;

    private DocumentNode(JsonNode node, String source, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.source = source;
        this.path = path;
    }

    /**
     * Reads a file a person writes (a config, a policy): a parse error quotes the parser's own explanation.
     *
     * @throws DocumentException when the file does not exist or does not parse
     */
    public static DocumentNode read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DocumentException(file + ": does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return read(bytes, file.toString());
    }

    /** The same for a file a person wrote whose bytes were read elsewhere (to hash them, say). */
    public static DocumentNode read(byte[] bytes, String source) {
        return parse(bytes, source, Format.of(source), true);
    }

    /**
     * Parses a document the pipeline wrote (a manifest, {@code compliance.json}) and read from wherever it lives: a
     * parse error gives the position only, since a damaged file could hold anything.
     */
    public static DocumentNode parse(byte[] bytes, String source, Format format) {
        return parse(bytes, source, format, false);
    }

    /** A tree already parsed, read from its root; {@code source} names it in messages. */
    public static DocumentNode of(JsonNode root, String source) {
        return new DocumentNode(root, source, "");
    }

    /** A value of a tree already parsed, found at {@code path} in {@code source} (null: absent). */
    public static DocumentNode of(JsonNode value, String source, String path) {
        return new DocumentNode(value, source, path);
    }

    private static DocumentNode parse(byte[] bytes, String source, Format format, boolean explain) {
        try {
            return new DocumentNode((format == Format.JSON ? JSON : YAML).readTree(bytes), source, "");
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // The parser's exception quotes the text around the error: only the explained case keeps it as cause.
            String message = source + ": is not valid " + format + position;
            throw explain ? new DocumentException(message + ": " + e.getOriginalMessage(), e)
                    : new DocumentException(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + source, e);
        }
    }

    /** The document this value is in. */
    public String source() {
        return source;
    }

    /** Where in the document the value is: {@code anonymization.privacy_models[0]}; empty at the root. */
    public String path() {
        return path;
    }

    /** Whether the value is there: not absent, not null. */
    public boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** Whether {@code key} holds a value that is not null. */
    public boolean has(String key) {
        return at(key).isPresent();
    }

    /** The value under {@code key}, present or not: for optional keys. */
    public DocumentNode at(String key) {
        return new DocumentNode(node.isObject() ? node.get(key) : null, source, path.isEmpty() ? key : path + "." + key);
    }

    /** The value under {@code key}, which must be there. */
    public DocumentNode get(String key) {
        DocumentNode value = at(key);
        if (!value.isPresent()) {
            throw value.error("is required");
        }
        return value;
    }

    /** This value, checked to be a mapping. */
    public DocumentNode mapping() {
        requireMapping();
        return this;
    }

    /** This value, checked to be a mapping whose keys are all in {@code known}: a misspelt key is never ignored. */
    public DocumentNode mapping(Collection<String> known) {
        requireMapping();
        for (String key : keys()) {
            if (!known.contains(key)) {
                throw at(key).error("unknown key; known keys: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** The keys of this mapping, in document order. */
    public List<String> keys() {
        requireMapping();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The elements of this list. */
    public List<DocumentNode> list() {
        if (!node.isArray()) {
            throw invalid("must be a list");
        }
        List<DocumentNode> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new DocumentNode(node.get(i), source, path + "[" + i + "]"));
        }
        return elements;
    }

    /** Non-blank text. */
    public String text() {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw invalid("must be non-blank text");
        }
        return node.textValue();
    }

    /** Text, possibly empty. */
    public String string() {
        if (!node.isTextual()) {
            throw invalid("must be text");
        }
        return node.textValue();
    }

    /** Whether the value is a mapping of keys to values. */
    public boolean isMapping() {
        return node.isObject();
    }

    /** Whether the value is text (a YAML scalar that did not read as a number or a boolean). */
    public boolean isText() {
        return node.isTextual();
    }

    /** A whole number that fits an int (see the class comment for what is whole). */
    public int wholeNumber() {
        return whole(BigDecimal::intValueExact);
    }

    /** A whole number that fits a long. */
    public long longWholeNumber() {
        return whole(BigDecimal::longValueExact);
    }

    /** A finite number. */
    public double number() {
        return decimal().doubleValue();
    }

    /** A finite number, exactly as written. */
    public BigDecimal decimal() {
        return finite("must be a number");
    }

    /** {@code true} or {@code false}. */
    public boolean bool() {
        if (!node.isBoolean()) {
            throw invalid("must be true or false");
        }
        return node.booleanValue();
    }

    /** The text under {@code key}, or {@code absent} when it is not given. */
    public String text(String key, String absent) {
        return given(key, DocumentNode::text, absent);
    }

    /** The whole number under {@code key}, or {@code absent} when it is not given. */
    public int wholeNumber(String key, int absent) {
        return given(key, DocumentNode::wholeNumber, absent);
    }

    /** The number under {@code key}, or {@code absent} when it is not given. */
    public double number(String key, double absent) {
        return given(key, DocumentNode::number, absent);
    }

    /** The boolean under {@code key}, or {@code absent} when it is not given. */
    public boolean bool(String key, boolean absent) {
        return given(key, DocumentNode::bool, absent);
    }

    private <T> T given(String key, Function<DocumentNode, T> read, T absent) {
        DocumentNode value = at(key);
        return value.isPresent() ? read.apply(value) : absent;
    }

    /** A copy of the value as a Jackson tree (Jackson trees are mutable, so this one is the caller's). */
    public JsonNode json() {
        return node.deepCopy();
    }

    /** An error for this value breaking {@code rule} ("must be at least 1"): the message shows the value. */
    public DocumentException invalid(String rule) {
        return error(rule + ", got " + shown());
    }

    /** An error about this value: the message is the document, the path and {@code problem}. */
    public DocumentException error(String problem) {
        return new DocumentException(where() + ": " + problem);
    }

    /** The same, keeping what caused it (a value's own check that rejected what was read). */
    public DocumentException error(String problem, Throwable cause) {
        return new DocumentException(where() + ": " + problem, cause);
    }

    private String where() {
        return path.isEmpty() ? source : source + ": " + path;
    }

    /** The number through {@code exact}, which throws for a fraction or a value too large for its type. */
    private <T> T whole(Function<BigDecimal, T> exact) {
        String rule = "must be a whole number";
        BigDecimal value = finite(rule);
        try {
            return exact.apply(value.stripTrailingZeros());
        } catch (ArithmeticException e) {
            throw invalid(rule);
        }
    }

    private BigDecimal finite(String rule) {
        if (!node.isNumber() || ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue()))) {
            throw invalid(rule);
        }
        return node.decimalValue();
    }

    private void requireMapping() {
        if (!node.isObject()) {
            throw invalid("must be a mapping of keys to values");
        }
    }

    /** Text quoted, other scalars as written, a list or mapping named by its kind to keep the message to one line. */
    private String shown() {
        if (!isPresent()) {
            return "nothing";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "a mapping";
        }
        return node.toString();
    }
}

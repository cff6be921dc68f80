package org.uepdeid.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.input.UserInputException;

/**
 * Typed reads of one JSON document (a manifest's privacy section, {@code compliance.json}) whose errors name the file
 * and the key, so that a malformed input is fixable from the message alone.
 *
 * @param source the file, for messages
 * @param at     where in the file the fields are read ({@code privacy.risk.}), for messages
 */
record JsonFields(String source, String at) {

    /** Reads at the top of {@code source}. */
    static JsonFields of(String source) {
        return new JsonFields(source, "");
    }

    /** Reads inside {@code key} (an object or a list item, {@code checks[2]}). */
    JsonFields in(String key) {
        return new JsonFields(source, at + key + ".");
    }

    JsonNode object(JsonNode node, String key) {
        DocumentNode value = value(node, key);
        if (!value.isMapping()) {
            throw value.invalid("must be an object");
        }
        return node.path(key);
    }

    JsonNode array(JsonNode node, String key) {
        value(node, key).list();
        return node.path(key);
    }

    String text(JsonNode node, String key) {
        return value(node, key).text();
    }

    /** A string, or {@code null} when the key is absent or null. */
    String optionalText(JsonNode node, String key) {
        DocumentNode value = value(node, key);
        return value.isPresent() ? value.string() : null;
    }

    /** Any scalar as it reads in JSON ({@code 0.02}, {@code "x"}, {@code true}); empty when absent or null. */
    String shown(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    long count(JsonNode node, String key) {
        DocumentNode value = value(node, key);
        long count = value.longWholeNumber();
        if (count < 0) {
            throw value.invalid("must be a whole number >= 0");
        }
        return count;
    }

    double number(JsonNode node, String key) {
        return value(node, key).number();
    }

    boolean flag(JsonNode node, String key) {
        return value(node, key).bool();
    }

    List<String> texts(JsonNode node, String key) {
        return value(node, key).list().stream().map(DocumentNode::string).toList();
    }

    /**
     * Reads with {@code read}, so that every error names the file: the fields' own errors do, and one from a model's
     * constructor (which knows no file) gets {@code source} put before it.
     */
    static <T> T reading(String source, Supplier<T> read) {
        try {
            return read.get();
        } catch (UserInputException e) {
            throw e.getMessage().startsWith(source) ? e : new UserInputException(source + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // A report model's own check: the reports module knows no input types, but what it refused was read here.
            throw new UserInputException(source + ": " + e.getMessage(), e);
        }
    }

    UserInputException error(String key, String rule) {
        return DocumentNode.of(null, source, at + key).error(rule);
    }

    /** The value under {@code key}, read by the one document reader, so rules and messages are those of every input. */
    private DocumentNode value(JsonNode node, String key) {
        return DocumentNode.of(node.get(key), source, at + key);
    }
}

package org.uepdeid.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
        JsonNode value = node.path(key);
        if (!value.isObject()) {
            throw error(key, "must be an object");
        }
        return value;
    }

    JsonNode array(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isArray()) {
            throw error(key, "must be a list");
        }
        return value;
    }

    String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(key, "must be a non-blank string");
        }
        return value.asText();
    }

    /** A string, or {@code null} when the key is absent or null. */
    String optionalText(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(key, "must be a string or null");
        }
        return value.asText();
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
        JsonNode value = node.path(key);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw error(key, "must be a whole number >= 0");
        }
        return value.longValue();
    }

    double number(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isNumber()) {
            throw error(key, "must be a number");
        }
        return value.doubleValue();
    }

    boolean flag(JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (!value.isBoolean()) {
            throw error(key, "must be true or false");
        }
        return value.booleanValue();
    }

    List<String> texts(JsonNode node, String key) {
        List<String> texts = new ArrayList<>();
        JsonNode array = array(node, key);
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw error(key + "[" + i + "]", "must be a string");
            }
            texts.add(array.get(i).asText());
        }
        return texts;
    }

    UserInputException error(String key, String rule) {
        return new UserInputException(source + ": " + at + key + " " + rule);
    }
}

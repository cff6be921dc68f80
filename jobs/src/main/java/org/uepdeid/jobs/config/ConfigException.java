package org.uepdeid.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.uepdeid.anonymizer.input.UserInputException;

/**
 * A pipeline config or command-line value the operator must fix; like all {@link UserInputException}s, exit code 2.
 *
 * <p>Messages name the key (or option) and the bad value, so a config error is fixable from the message alone. They
 * never carry a secret: key material is reported by where it came from, never by its value.
 */
public final class ConfigException extends UserInputException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value of the wrong type or out of range; {@code rule} says what was expected. */
    static ConfigException badValue(String key, Object value, String rule) {
        return new ConfigException(key + ": " + rule + ", got " + shown(value));
    }

    /** Text is quoted, other scalars shown as written, a YAML list or mapping named by its kind to keep one line. */
    private static String shown(Object value) {
        if (value instanceof JsonNode node && !node.isTextual()) {
            return node.isValueNode() ? node.toString() : "a " + (node.isArray() ? "list" : "mapping");
        }
        String text = value instanceof JsonNode node ? node.asText() : String.valueOf(value);
        return value instanceof Number ? text : "\"" + text + "\"";
    }
}

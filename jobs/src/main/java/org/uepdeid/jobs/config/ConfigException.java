package org.uepdeid.jobs.config;

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

    /** A value out of range; {@code rule} says what was expected. Text is quoted, a number shown as written. */
    static ConfigException badValue(String key, Object value, String rule) {
        return new ConfigException(key + ": " + rule + ", got " + (value instanceof Number ? value : "\"" + value + "\""));
    }
}

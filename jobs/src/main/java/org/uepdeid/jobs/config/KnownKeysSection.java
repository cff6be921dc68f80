package org.uepdeid.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * An optional section of the pipeline config that is a mapping of known keys to whole numbers or words
 * ({@code aggregates}, {@code retention}, {@code releases}): a misspelt key is refused by name rather than silently left
 * at its default.
 */
record KnownKeysSection(String key, JsonNode mapping) {

    /** The section under {@code key}, or empty when it is absent or null; a non-mapping or unknown key is refused. */
    static Optional<KnownKeysSection> read(String key, JsonNode section, List<String> knownKeys) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return Optional.empty();
        }
        if (!section.isObject()) {
            throw ConfigException.badValue(key, section, "must be a mapping of " + String.join(", ", knownKeys));
        }
        for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownKeys.contains(name)) {
                throw new ConfigException(key + "." + name + ": unknown key; known keys are "
                        + String.join(", ", knownKeys));
            }
        }
        return Optional.of(new KnownKeysSection(key, section));
    }

    /** The whole number under {@code name}, or {@code defaultValue} when it is absent or null. */
    int wholeNumber(String name, int defaultValue, String rule) {
        JsonNode node = mapping.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ConfigException.badValue(key + "." + name, node, rule);
        }
        return node.intValue();
    }

    /** The string under {@code name}, or {@code defaultValue} when it is absent or null. */
    String text(String name, String defaultValue) {
        JsonNode node = mapping.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isTextual()) {
            throw ConfigException.badValue(key + "." + name, node, "must be a word");
        }
        return node.asText();
    }
}

package org.uepdeid.jobs.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.uepdeid.anonymizer.input.UserInputException;

/**
 * The top level of a JSON document the pipeline writes about itself (a run manifest, {@code compliance.json}), read
 * so that every error starts with the file: a reader then knows which file to fix from the message alone.
 */
public final class JsonDocument {

    /** Configured once and only read afterwards, which Jackson documents as thread-safe. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonDocument() {
    }

    /**
     * Parses {@code json}, which must hold one JSON object.
     *
     * @param source      names the file in error messages
     * @param notAnObject what the error says after the source when the top level is not an object
     * @throws UserInputException when the bytes are not JSON or not an object
     */
    public static JsonNode parseObject(byte[] json, String source, String notAnObject) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            // The parser's message quotes the input, which may be personal data: name the failure's kind only.
            throw new UserInputException(source + ": is not JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(source + ": " + notAnObject);
        }
        return root;
    }
}

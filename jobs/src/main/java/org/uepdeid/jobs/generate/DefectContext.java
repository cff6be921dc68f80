package org.uepdeid.jobs.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What a {@link LineDefect} needs to spoil a line: the JSON writer, its own random stream, the start of the
 * partition's day and the event's time (epoch seconds).
 */
record DefectContext(ObjectMapper json, SeededRandom random, long dayStart, long eventTime) {

    byte[] bytes(ObjectNode event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a generated event as JSON", e);
        }
    }

    String text(ObjectNode event) {
        return new String(bytes(event), StandardCharsets.UTF_8);
    }
}

package org.uepdeid.jobs.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uepdeid.jobs.manifest.JsonDocument;

/**
 * One entry of the release log, {@code published/_releases/<release_id>.json}: what a release published, from which
 * config, code and key, and which earlier release of the day it supersedes and why. Written once, never changed.
 *
 * @param id           the release
 * @param created      when it was published
 * @param supersedes   the day's release it replaced, or null for the day's first
 * @param reason       why it replaced it (the operator's words), or null for the day's first
 * @param configSha256 the config it was made with
 * @param codeVersion  the code that made it
 * @param keyId        the pseudonym key's id (never the key, nor anything derived from it)
 * @param verification the verify outcome it was published on: {@code passed}
 * @param compliance   the compliance report, relative to the data root
 * @param outputs      every output, with its files
 */
public record ReleaseRecord(ReleaseId id, Instant created, ReleaseId supersedes, String reason, String configSha256,
                            String codeVersion, String keyId, String verification, String compliance,
                            List<ReleasedOutput> outputs) {

    public ReleaseRecord {
        if (id == null || created == null) {
            throw new IllegalArgumentException("a release record needs its id and creation time");
        }
        if ((supersedes == null) != (reason == null)) {
            throw new IllegalArgumentException(id + ": a release that supersedes another says why, and only then");
        }
        if (supersedes != null && (!supersedes.date().equals(id.date()) || supersedes.compareTo(id) >= 0)) {
            throw new IllegalArgumentException(id + ": can only supersede an earlier release of the same day");
        }
        outputs = List.copyOf(outputs);
    }

    public LocalDate date() {
        return id.date();
    }

    /** The outputs {@code audience} may receive. */
    public List<ReleasedOutput> outputsFor(Audience audience) {
        return outputs.stream().filter(o -> o.audience() == audience).toList();
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("release_id", id.toString());
        json.put("date", id.date().toString());
        json.put("created", created.toString());
        json.put("supersedes", supersedes == null ? null : supersedes.toString());
        json.put("reason", reason);
        json.put("config_sha256", configSha256);
        json.put("code_version", codeVersion);
        json.put("key_id", keyId);
        json.put("verification", verification);
        json.put("compliance", compliance);
        ArrayNode list = json.putArray("outputs");
        for (ReleasedOutput o : outputs) {
            ObjectNode output = list.addObject();
            output.put("path", o.path());
            output.put("product", o.product());
            output.put("kind", o.kind());
            output.put("audience", o.audience().word());
            output.put("rows", o.rows());
            output.set("files", files(o.files()));
        }
        return json;
    }

    static ArrayNode files(List<ReleasedFile> files) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        files.forEach(f -> list.addObject().put("name", f.name()).put("bytes", f.bytes()).put("sha256", f.sha256()));
        return list;
    }

    /**
     * Reads a record {@link #toJson()} wrote; {@code source} names the file in errors, which name the key too.
     *
     * @throws IllegalArgumentException when a key is missing or malformed
     */
    static ReleaseRecord fromJson(byte[] bytes, String source) {
        JsonNode json = JsonDocument.parseObject(bytes, source, "a release record must be a JSON object");
        try {
            ReleaseId id = releaseId(json, "release_id").orElseThrow(() -> missing("release_id"));
            if (!id.date().toString().equals(text(json, "date"))) {
                throw new IllegalArgumentException("date must be " + id.date() + ", the date of " + id);
            }
            List<ReleasedOutput> outputs = new ArrayList<>();
            JsonNode list = json.path("outputs");
            if (!list.isArray()) {
                throw new IllegalArgumentException("outputs must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode o = list.get(i);
                String at = "outputs[" + i + "].";
                outputs.add(new ReleasedOutput(text(o, at, "path"), text(o, at, "product"), text(o, at, "kind"),
                        Audience.of(text(o, at, "audience")).orElseThrow(() -> new IllegalArgumentException(at
                                + "audience must be internal or affiliates")), count(o, at, "rows"),
                        readFiles(o.path("files"), at)));
            }
            return new ReleaseRecord(id, Instant.parse(text(json, "created")), releaseId(json, "supersedes")
                    .orElse(null), json.path("reason").isTextual() ? json.get("reason").asText() : null,
                    text(json, "config_sha256"), text(json, "code_version"), text(json, "key_id"),
                    text(json, "verification"), text(json, "compliance"), outputs);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    static List<ReleasedFile> readFiles(JsonNode files, String at) {
        if (!files.isArray()) {
            throw new IllegalArgumentException(at + "files must be a list");
        }
        List<ReleasedFile> list = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String in = at + "files[" + i + "].";
            JsonNode f = files.get(i);
            list.add(new ReleasedFile(text(f, in, "name"), count(f, in, "bytes"), text(f, in, "sha256")));
        }
        return list;
    }

    static Optional<ReleaseId> releaseId(JsonNode json, String key) {
        JsonNode node = json.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(ReleaseId.parse(node.asText()).orElseThrow(() -> new IllegalArgumentException(
                key + " must be a release id (YYYY-MM-DD-rN)")));
    }

    static String text(JsonNode json, String key) {
        return text(json, "", key);
    }

    private static String text(JsonNode json, String at, String key) {
        JsonNode node = json.path(key);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw missing(at + key);
        }
        return node.asText();
    }

    private static long count(JsonNode json, String at, String key) {
        JsonNode node = json.path(key);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new IllegalArgumentException(at + key + " must be a whole number >= 0");
        }
        return node.longValue();
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException(key + " must be a non-blank string");
    }
}

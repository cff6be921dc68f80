package org.uepdeid.jobs.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.uepdeid.anonymizer.input.DocumentException;
import org.uepdeid.anonymizer.input.DocumentNode;

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
     * @throws DocumentException when a key is missing or malformed
     */
    static ReleaseRecord fromJson(byte[] bytes, String source) {
        DocumentNode json = DocumentNode.parse(bytes, source, DocumentNode.Format.JSON).mapping();
        ReleaseId id = releaseId(json.get("release_id"));
        DocumentNode date = json.get("date");
        if (!id.date().toString().equals(date.text())) {
            throw date.invalid("must be " + id.date() + ", the date of " + id);
        }
        List<ReleasedOutput> outputs = new ArrayList<>();
        for (DocumentNode o : json.get("outputs").list()) {
            DocumentNode audience = o.get("audience");
            outputs.add(checked(o, () -> new ReleasedOutput(o.get("path").text(), o.get("product").text(),
                    o.get("kind").text(), Audience.read(audience), count(o.get("rows")), files(o.get("files")))));
        }
        DocumentNode supersedes = json.at("supersedes");
        DocumentNode created = json.get("created");
        return checked(json, () -> new ReleaseRecord(id, checked(created, () -> Instant.parse(created.text())),
                supersedes.isPresent() ? releaseId(supersedes) : null, json.text("reason", null),
                json.get("config_sha256").text(), json.get("code_version").text(), json.get("key_id").text(),
                json.get("verification").text(), json.get("compliance").text(), outputs));
    }

    private static List<ReleasedFile> files(DocumentNode files) {
        List<ReleasedFile> list = new ArrayList<>();
        for (DocumentNode f : files.list()) {
            list.add(checked(f, () -> new ReleasedFile(f.get("name").text(), count(f.get("bytes")),
                    f.get("sha256").text())));
        }
        return list;
    }

    private static ReleaseId releaseId(DocumentNode node) {
        return ReleaseId.parse(node.text()).orElseThrow(() -> node.invalid("must be a release id (YYYY-MM-DD-rN)"));
    }

    private static long count(DocumentNode node) {
        long value = node.longWholeNumber();
        if (value < 0) {
            throw node.invalid("must be a whole number >= 0");
        }
        return value;
    }

    /** A value's own check (a record's constructor, a parse) failing on what was read, named by where it was read. */
    private static <T> T checked(DocumentNode at, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw at.error(e.getMessage(), e);
        }
    }
}

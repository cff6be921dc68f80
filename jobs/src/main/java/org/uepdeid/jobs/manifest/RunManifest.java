package org.uepdeid.jobs.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.input.UserInputException;

/**
 * The {@code _manifest.json} written beside every output: what ran, on what, and where every input line went.
 *
 * <p>The key names are a contract (ARCHITECTURE.md, "The run manifest"): reports and {@code verify} read them. They are
 * mapped by hand, not by reflection, so that renaming a Java component can never rename a key. Keys other tools add
 * survive a read and write through {@link #extra()}.
 *
 * @param accounting absent ({@code null}) for a job that does not consume input lines
 * @param privacy    the privacy parameters of the output, or {@code null}; its content belongs to the job
 * @param verification the result of checks on the output, or {@code null} when none ran
 * @param extra      further top-level keys, in order
 */
public record RunManifest(String runId, String job, LocalDate date, String codeVersion, String configSha256,
                          List<DatasetCount> inputs, List<DatasetCount> outputs, Accounting accounting,
                          JsonNode privacy, JsonNode verification, Map<String, JsonNode> extra) {

    public static final String FILE_NAME = "_manifest.json";

    private static final Set<String> CONTRACT_KEYS = Set.of("run_id", "job", "date", "code_version", "config_sha256",
            "inputs", "outputs", "accounting", "privacy", "verification");
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Configured once and only read afterwards, which Jackson documents as thread-safe. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public RunManifest {
        requireText("run_id", runId);
        requireText("job", job);
        requireText("code_version", codeVersion);
        if (date == null) {
            throw new IllegalArgumentException("manifest: date is required");
        }
        if (configSha256 == null || !configSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("manifest: config_sha256 must be 64 lowercase hex digits, got \""
                    + configSha256 + "\"");
        }
        inputs = List.copyOf(inputs == null ? List.of() : inputs);
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
        privacy = privacy == null || privacy.isNull() ? null : canonical(privacy);
        verification = verification == null || verification.isNull() ? null : canonical(verification);
        Map<String, JsonNode> copied = new LinkedHashMap<>();
        (extra == null ? Map.<String, JsonNode>of() : extra).forEach((key, value) -> {
            if (CONTRACT_KEYS.contains(key)) {
                throw new IllegalArgumentException("manifest: extra key \"" + key + "\" would shadow a contract key");
            }
            copied.put(key, canonical(value));
        });
        extra = Collections.unmodifiableMap(copied);
    }

    /**
     * A private copy of {@code node} in the node types JSON parsing yields, so that a manifest equals itself after a
     * write and read (Jackson's {@code LongNode(3)} does not equal the {@code IntNode(3)} it reads back).
     */
    private static JsonNode canonical(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes and parses", e);
        }
    }

    /** A new run id: the UTC start time, sortable, and a random suffix that keeps concurrent runs apart. */
    public static String newRunId(Instant start) {
        return RUN_ID_TIME.format(start) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public JsonNode privacy() {
        return privacy == null ? null : privacy.deepCopy();
    }

    @Override
    public JsonNode verification() {
        return verification == null ? null : verification.deepCopy();
    }

    /** The manifest as indented JSON with the contract keys first. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("run_id", runId);
        root.put("job", job);
        root.put("date", date.toString());
        root.put("code_version", codeVersion);
        root.put("config_sha256", configSha256);
        root.set("inputs", datasets(inputs));
        root.set("outputs", datasets(outputs));
        root.set("accounting", accounting == null ? null : accounting(accounting));
        root.set("privacy", privacy);
        root.set("verification", verification);
        extra.forEach(root::set);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest tree always serializes", e);
        }
    }

    /**
     * Reads a manifest written by {@link #toJson()} or by another tool that keeps the contract keys.
     *
     * @param source names the file in error messages
     * @throws UserInputException naming the source and the key when a contract key is missing or malformed
     */
    public static RunManifest fromJson(byte[] json, String source) {
        DocumentNode root = DocumentNode.parse(json, source, DocumentNode.Format.JSON).mapping();
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (String key : root.keys()) {
            if (!CONTRACT_KEYS.contains(key)) {
                extra.put(key, root.at(key).json());
            }
        }
        DocumentNode accounting = root.at("accounting");
        DocumentNode date = root.get("date");
        try {
            return new RunManifest(root.get("run_id").string(), root.get("job").string(),
                    LocalDate.parse(date.string()), root.get("code_version").string(),
                    root.get("config_sha256").string(), datasets(root.get("inputs")), datasets(root.get("outputs")),
                    accounting.isMapping() ? accounting(accounting) : null,
                    root.has("privacy") ? root.get("privacy").json() : null,
                    root.has("verification") ? root.get("verification").json() : null, extra);
        } catch (DateTimeParseException e) {
            throw date.invalid("must be a date (yyyy-MM-dd)");
        } catch (IllegalArgumentException e) {
            // The manifest's own checks reject what the file holds: name the file, as for any input.
            throw root.error(e.getMessage(), e);
        }
    }

    private static JsonNode datasets(List<DatasetCount> datasets) {
        var array = JsonNodeFactory.instance.arrayNode();
        datasets.forEach(d -> array.addObject().put("path", d.path()).put("rows", d.rows()));
        return array;
    }

    private static JsonNode accounting(Accounting a) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("input_lines", a.inputLines());
        node.put("accepted", a.accepted());
        ObjectNode quarantined = node.putObject("quarantined");
        a.quarantined().forEach(quarantined::put);
        node.put("no_consent", a.noConsent());
        node.put("minors", a.minors());
        node.put("erased", a.erased());
        node.put("duplicates", a.duplicates());
        return node;
    }

    private static Accounting accounting(DocumentNode node) {
        Map<String, Long> quarantined = new LinkedHashMap<>();
        DocumentNode byReason = node.at("quarantined");
        if (byReason.isPresent()) {
            byReason.keys().forEach(reason -> quarantined.put(reason, byReason.get(reason).longWholeNumber()));
        }
        return new Accounting(count(node, "input_lines"), count(node, "accepted"), quarantined,
                count(node, "no_consent"), count(node, "minors"), count(node, "erased"), count(node, "duplicates"));
    }

    private static List<DatasetCount> datasets(DocumentNode list) {
        List<DatasetCount> datasets = new ArrayList<>();
        for (DocumentNode item : list.list()) {
            datasets.add(new DatasetCount(item.get("path").string(), item.get("rows").longWholeNumber()));
        }
        return datasets;
    }

    private static long count(DocumentNode node, String key) {
        return node.get(key).longWholeNumber();
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("manifest: " + key + " must not be blank");
        }
    }
}

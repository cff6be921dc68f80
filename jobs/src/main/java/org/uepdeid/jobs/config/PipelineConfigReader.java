package org.uepdeid.jobs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * Reads {@code pipeline.yaml} into a {@link PipelineConfig}: relative paths resolve against the file's directory.
 *
 * <p>The YAML is walked as a tree rather than bound to a class so that every error can name its key and value,
 * unknown keys are refused (a misspelt {@code min_device} must not silently fall back to a default), and a key that
 * looks like a secret is refused with advice instead of being echoed.
 */
public final class PipelineConfigReader {

    private static final List<String> KNOWN_KEYS = List.of(PipelineConfig.DATA_ROOT, PipelineConfig.IP_REGIONS,
            PipelineConfig.MINIMUM_AGE, PipelineConfig.MIN_DEVICES, AnonymizationSection.KEY, AggregatesSection.KEY,
            RetentionSection.KEY);
    private static final Set<String> SECRET_LOOKING_KEYS = Set.of("key", "pseudonym_key", "secret", "hmac_key");
    /** A URI scheme followed by a slash: {@code hdfs://…}, {@code file:/…}, {@code s3a://…}. */
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads and validates the config file; every problem is a {@link ConfigException} naming the file and key. */
    public PipelineConfig read(Path file) {
        byte[] bytes = readBytes(file);
        Path baseDirectory = file.toAbsolutePath().normalize().getParent();
        try {
            return parse(tree(bytes), baseDirectory, ConfigSource.of(file.toString(), bytes));
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Turns a location as written in a config or on the command line into an absolute URI: a value with a scheme is
     * taken as it is, anything else is a local path resolved against {@code baseDirectory}.
     */
    public static URI resolveLocation(String value, Path baseDirectory) {
        if (URI_WITH_SCHEME.matcher(value).matches()) {
            return URI.create(value);
        }
        return baseDirectory.resolve(value).toAbsolutePath().normalize().toUri();
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist; pass --config FILE");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private JsonNode tree(byte[] bytes) {
        try {
            JsonNode root = yaml.readTree(bytes);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new ConfigException("is empty; it needs at least the " + AnonymizationSection.KEY + " section");
            }
            if (!root.isObject()) {
                throw new ConfigException("must be a mapping of keys to values");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException("is not valid YAML: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new ConfigException("cannot be parsed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static PipelineConfig parse(JsonNode root, Path baseDirectory, ConfigSource source) {
        rejectUnknownKeys(root);
        return new PipelineConfig(
                resolveLocation(text(root, PipelineConfig.DATA_ROOT, PipelineConfig.DEFAULT_DATA_ROOT), baseDirectory),
                resolveLocation(text(root, PipelineConfig.IP_REGIONS, PipelineConfig.DEFAULT_IP_REGIONS), baseDirectory),
                integer(root, PipelineConfig.MINIMUM_AGE, PipelineConfig.DEFAULT_MINIMUM_AGE),
                integer(root, PipelineConfig.MIN_DEVICES, PipelineConfig.DEFAULT_MIN_DEVICES),
                AnonymizationSection.read(DocumentNode.of(root, source.location()).at(AnonymizationSection.KEY),
                        baseDirectory),
                AggregatesSection.read(root.get(AggregatesSection.KEY)),
                RetentionSection.read(root.get(RetentionSection.KEY)),
                source);
    }

    private static void rejectUnknownKeys(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (SECRET_LOOKING_KEYS.contains(name)) {
                throw new ConfigException(name + ": the pseudonym key must never be in the config file; set the "
                        + PseudonymKey.ENVIRONMENT_VARIABLE + " environment variable or pass --key-file FILE");
            }
            if (!KNOWN_KEYS.contains(name)) {
                throw new ConfigException(name + ": unknown key; known keys are " + String.join(", ", KNOWN_KEYS));
            }
        }
    }

    private static String text(JsonNode root, String key, String defaultValue) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ConfigException.badValue(key, node, "must be a non-blank path or URI");
        }
        return node.asText();
    }

    private static int integer(JsonNode root, String key, int defaultValue) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ConfigException.badValue(key, node, "must be a whole number");
        }
        return node.intValue();
    }
}

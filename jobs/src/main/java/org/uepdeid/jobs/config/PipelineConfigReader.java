package org.uepdeid.jobs.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * Reads {@code pipeline.yaml} into a {@link PipelineConfig}: relative paths resolve against the file's directory.
 *
 * <p>The YAML is read through {@link DocumentNode} rather than bound to a class so that every error names the file,
 * its key and value, unknown keys are refused (a misspelt {@code min_device} must not silently fall back to a
 * default), and a key that looks like a secret is refused with advice instead of being echoed.
 */
public final class PipelineConfigReader {

    private static final List<String> KNOWN_KEYS = List.of(PipelineConfig.DATA_ROOT, PipelineConfig.IP_REGIONS,
            PipelineConfig.CHILDREN_UP_TO_AGE, PipelineConfig.MIN_DEVICES, AnonymizationSection.KEY, AggregatesSection.KEY,
            RetentionSection.KEY, ReleasesSection.KEY, ConsentSection.KEY);
    private static final Set<String> SECRET_LOOKING_KEYS = Set.of("key", "pseudonym_key", "secret", "hmac_key");
    /** A URI scheme followed by a slash: {@code hdfs://…}, {@code file:/…}, {@code s3a://…}. */
    private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

    /**
     * Reads and validates the config file; every problem is a user-input error naming the file, the key and the
     * value.
     */
    public PipelineConfig read(Path file) {
        byte[] bytes = readBytes(file);
        Path baseDirectory = file.toAbsolutePath().normalize().getParent();
        try {
            return parse(tree(bytes, file), baseDirectory, ConfigSource.of(file.toString(), bytes));
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

    private static DocumentNode tree(byte[] bytes, Path file) {
        DocumentNode root = DocumentNode.read(bytes, file.toString());
        if (!root.isPresent()) {
            throw new ConfigException("is empty; it needs at least the " + AnonymizationSection.KEY + " section");
        }
        return root.mapping();
    }

    private static PipelineConfig parse(DocumentNode root, Path baseDirectory, ConfigSource source) {
        rejectUnknownKeys(root);
        return new PipelineConfig(
                resolveLocation(text(root, PipelineConfig.DATA_ROOT, PipelineConfig.DEFAULT_DATA_ROOT), baseDirectory),
                resolveLocation(text(root, PipelineConfig.IP_REGIONS, PipelineConfig.DEFAULT_IP_REGIONS), baseDirectory),
                root.wholeNumber(PipelineConfig.CHILDREN_UP_TO_AGE, PipelineConfig.DEFAULT_CHILDREN_UP_TO_AGE),
                root.wholeNumber(PipelineConfig.MIN_DEVICES, PipelineConfig.DEFAULT_MIN_DEVICES),
                AnonymizationSection.read(root.at(AnonymizationSection.KEY), baseDirectory),
                AggregatesSection.read(root.at(AggregatesSection.KEY)),
                RetentionSection.read(root.at(RetentionSection.KEY)),
                ReleasesSection.read(root.at(ReleasesSection.KEY)),
                ConsentSection.read(root.at(ConsentSection.KEY)),
                source);
    }

    private static void rejectUnknownKeys(DocumentNode root) {
        for (String name : root.keys()) {
            if (SECRET_LOOKING_KEYS.contains(name)) {
                throw new ConfigException(name + ": the pseudonym key must never be in the config file; set the "
                        + PseudonymKey.ENVIRONMENT_VARIABLE + " environment variable or pass --key-file FILE");
            }
        }
        if (root.has(PipelineConfig.FORMER_MINIMUM_AGE)) {
            throw new ConfigException(PipelineConfig.FORMER_MINIMUM_AGE + ": is replaced by "
                    + PipelineConfig.CHILDREN_UP_TO_AGE + " (the oldest age at which users are children, 14 by the "
                    + "privacy policy); minimum_age excluded one year too few");
        }
        root.mapping(KNOWN_KEYS);
    }

    private static String text(DocumentNode root, String key, String defaultValue) {
        DocumentNode node = root.at(key);
        if (!node.isPresent()) {
            return defaultValue;
        }
        if (!node.isText() || node.string().isBlank()) {
            throw node.invalid("must be a non-blank path or URI");
        }
        return node.string();
    }
}

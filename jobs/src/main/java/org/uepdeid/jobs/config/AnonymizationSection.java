package org.uepdeid.jobs.config;

import java.nio.file.Path;
import org.uepdeid.anonymizer.input.DocumentNode;
import org.uepdeid.anonymizer.policy.PolicySpec;

/**
 * The {@code anonymization} section of the pipeline config: the policy, read and checked by the engine's own policy
 * reader when the config loads. Anonymize follows it and verify checks releases against it, so the two cannot
 * disagree on what the policy says, and a bad policy fails before any data is read.
 */
public record AnonymizationSection(PolicySpec policy) {

    public static final String KEY = "anonymization";

    public AnonymizationSection {
        if (policy == null) {
            throw new ConfigException(KEY + ": is required");
        }
    }

    /**
     * Reads the section from the config; the policy's relative hierarchy paths resolve against {@code baseDirectory},
     * the config file's folder.
     */
    public static AnonymizationSection read(DocumentNode section, Path baseDirectory) {
        if (!section.isPresent()) {
            throw new ConfigException(KEY + ": is required (quasi_identifiers, privacy_models, suppression_limit, "
                    + "metric)");
        }
        return new AnonymizationSection(PolicySpec.read(section, baseDirectory));
    }
}

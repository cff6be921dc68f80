package org.uepdeid.jobs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The {@code anonymization} section of the pipeline config, kept as raw JSON for the engine's own policy reader.
 *
 * <p>Only its shape is checked here (a mapping); the engine validates its content, so the two never disagree on what
 * a valid policy is. {@code baseDirectory} is the config file's directory, against which the policy's relative
 * hierarchy paths resolve. The node is copied in and out because Jackson trees are mutable.
 */
public record AnonymizationSection(JsonNode policy, Path baseDirectory) {

    public static final String KEY = "anonymization";

    public AnonymizationSection {
        if (policy == null || policy.isMissingNode() || policy.isNull()) {
            throw new ConfigException(KEY + ": is required (quasi_identifiers, privacy_models, suppression_limit, metric)");
        }
        if (!policy.isObject()) {
            throw new ConfigException(KEY + ": must be a mapping, got a " + policy.getNodeType().name().toLowerCase());
        }
        if (baseDirectory == null) {
            throw new ConfigException(KEY + ": the base directory for relative hierarchy paths is missing");
        }
        policy = policy.deepCopy();
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    @Override
    public JsonNode policy() {
        return policy.deepCopy();
    }
}

package org.uepdeid.jobs.config;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.uepdeid.anonymizer.input.DocumentNode;

/**
 * The {@code consent} section of the pipeline config: the privacy-policy versions whose consent ingest accepts. An
 * event whose {@code consent_version} is absent or not listed was not consented under a policy in force, and counts
 * as {@code no_consent} (policy Part I: collection needs consent, given under a policy in force; Part IX: a changed
 * policy is released as a new version).
 *
 * @param acceptedVersions the policy versions, as clients send them ({@code 2020-03-23}); at least one
 */
public record ConsentSection(Set<String> acceptedVersions) implements Serializable {

    public static final String KEY = "consent";
    public static final String ACCEPTED_VERSIONS = "accepted_versions";
    /** The date of the privacy policy in force (../shared/reference/uos-privacy-policy.md), as clients send it. */
    public static final String CURRENT_POLICY_VERSION = "2020-03-23";
    public static final ConsentSection DEFAULTS = new ConsentSection(Set.of(CURRENT_POLICY_VERSION));

    public ConsentSection {
        if (acceptedVersions == null || acceptedVersions.isEmpty()) {
            throw new ConfigException(KEY + "." + ACCEPTED_VERSIONS
                    + ": must list at least one privacy-policy version (e.g. " + CURRENT_POLICY_VERSION + ")");
        }
        acceptedVersions = Set.copyOf(acceptedVersions);
    }

    /** Whether consent given under {@code version} (null: none stated) lets ingest collect the event. */
    public boolean accepts(String version) {
        return version != null && acceptedVersions.contains(version);
    }

    /** Reads the section; a missing section is {@link #DEFAULTS}, an unknown key is refused by name. */
    static ConsentSection read(DocumentNode section) {
        if (!section.isPresent()) {
            return DEFAULTS;
        }
        section.mapping(List.of(ACCEPTED_VERSIONS));
        DocumentNode versions = section.at(ACCEPTED_VERSIONS);
        if (!versions.isPresent()) {
            return DEFAULTS;
        }
        List<String> listed = versions.list().stream().map(DocumentNode::text).toList();
        if (listed.isEmpty() || listed.stream().anyMatch(String::isBlank)) {
            throw versions.invalid("must list non-blank privacy-policy versions (e.g. [" + CURRENT_POLICY_VERSION
                    + "])");
        }
        return new ConsentSection(Set.copyOf(listed));
    }
}

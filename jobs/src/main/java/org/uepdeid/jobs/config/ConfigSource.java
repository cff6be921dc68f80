package org.uepdeid.jobs.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where a pipeline config came from and the SHA-256 of its bytes, as run manifests record it. */
public record ConfigSource(String location, String sha256) {

    public ConfigSource {
        if (location == null || location.isBlank()) {
            throw new ConfigException("config source: location must not be blank");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new ConfigException("config source " + location + ": sha256 must be 64 lowercase hex digits");
        }
    }

    /** The source of a config file, hashing its exact bytes. */
    public static ConfigSource of(String location, byte[] bytes) {
        return new ConfigSource(location, sha256(bytes));
    }

    /** A config built in code (tests, embedded use): the hash covers the description so manifests stay traceable. */
    public static ConfigSource inline(String description) {
        return of("inline:" + description, description.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

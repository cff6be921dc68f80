package org.uepdeid.jobs.config;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret key of the device pseudonyms (HMAC-SHA256), read from the environment or a key file, never from YAML.
 *
 * <p>It is serializable because Spark ships it to the executors that compute pseudonyms; {@link #toString()} never
 * shows it, and no error message carries it. The {@link #fingerprint()} identifies a key in manifests (so a key
 * rotation is visible) without revealing it.
 */
public final class PseudonymKey implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ENVIRONMENT_VARIABLE = "UEP_DEID_KEY";
    /** 256 bits: HMAC-SHA256 gains nothing from more and is weakened by less. */
    public static final int MINIMUM_BYTES = 32;
    private static final byte[] DEMO_SECRET =
            "uep-deid DEMO key: NOT secret, pseudonyms made with it are reversible by anyone"
                    .getBytes(StandardCharsets.UTF_8);

    /** Where a key came from; recorded in manifests so that a demo-key run is visible after the fact. */
    public enum Origin { ENVIRONMENT, KEY_FILE, DEMO }

    private final byte[] secret;
    private final Origin origin;

    private PseudonymKey(byte[] secret, Origin origin) {
        this.secret = secret.clone();
        this.origin = origin;
    }

    /** The key held in {@value #ENVIRONMENT_VARIABLE}, as UTF-8 bytes. */
    public static PseudonymKey fromEnvironment(String value) {
        return checked(value.getBytes(StandardCharsets.UTF_8), Origin.ENVIRONMENT,
                "the " + ENVIRONMENT_VARIABLE + " environment variable");
    }

    /** The key in a file: its bytes without a trailing line break, so {@code echo secret > file} works. */
    public static PseudonymKey fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("--key-file: " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("--key-file: " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        return checked(Arrays.copyOf(bytes, end), Origin.KEY_FILE, "--key-file " + file);
    }

    /** The fixed, public demo key: for synthetic data only. */
    public static PseudonymKey demo() {
        return new PseudonymKey(DEMO_SECRET, Origin.DEMO);
    }

    private static PseudonymKey checked(byte[] secret, Origin origin, String where) {
        if (secret.length < MINIMUM_BYTES) {
            throw new ConfigException("the pseudonym key from " + where + " has " + secret.length
                    + " bytes; it needs at least " + MINIMUM_BYTES + " (e.g. openssl rand -hex 32)");
        }
        return new PseudonymKey(secret, origin);
    }

    /** A copy of the key bytes, for the HMAC. */
    public byte[] secret() {
        return secret.clone();
    }

    public Origin origin() {
        return origin;
    }

    /** The first 8 hex digits of a domain-separated SHA-256 of the key: tells keys apart, reveals nothing usable. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("uep-deid pseudonym key fingerprint\0".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(secret)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + origin + ", fingerprint " + fingerprint() + "]";
    }
}

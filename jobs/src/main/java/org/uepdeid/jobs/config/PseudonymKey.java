package org.uepdeid.jobs.config;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret key of the device pseudonyms (HMAC-SHA256), read from the environment or a key file, never from YAML,
 * with the id operators know it by.
 *
 * <p>The key must be 64 hex digits or base64 of at least 32 bytes: random bytes, not a passphrase someone could guess
 * and test against the data. Nothing derived from it is ever written: manifests and the release log carry its
 * {@link #id()} ({@value #ID_VARIABLE}), which names the key without revealing anything of it. It is serializable
 * because Spark ships it to the executors that compute pseudonyms; {@link #toString()} never shows it, and no error
 * message carries it.
 */
public final class PseudonymKey implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final String ENVIRONMENT_VARIABLE = "UEP_DEID_KEY";
    public static final String ID_VARIABLE = "UEP_DEID_KEY_ID";
    public static final String DEFAULT_ID = "default";
    /** 256 bits: HMAC-SHA256 gains nothing from more and is weakened by less. */
    public static final int MINIMUM_BYTES = 32;
    public static final String HOW_TO_MAKE_ONE = "make one with: openssl rand -hex 32";
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern HEX_KEY = Pattern.compile("(?:[0-9a-fA-F]{2}){" + MINIMUM_BYTES + ",}");
    private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final byte[] DEMO_SECRET =
            "uep-deid DEMO key: NOT secret, pseudonyms made with it are reversible by anyone"
                    .getBytes(StandardCharsets.UTF_8);

    /** Where a key came from; recorded in manifests so that a demo-key run is visible after the fact. */
    public enum Origin { ENVIRONMENT, KEY_FILE, DEMO }

    private final byte[] secret;
    private final Origin origin;
    private final String id;

    private PseudonymKey(byte[] secret, Origin origin, String id) {
        this.secret = secret.clone();
        this.origin = origin;
        this.id = id;
    }

    /** The key held in {@value #ENVIRONMENT_VARIABLE}, with the default id. */
    public static PseudonymKey fromEnvironment(String value) {
        return new PseudonymKey(decoded(value, "the " + ENVIRONMENT_VARIABLE + " environment variable"),
                Origin.ENVIRONMENT, DEFAULT_ID);
    }

    /** The key in a file, surrounding white space and line breaks ignored, with the default id. */
    public static PseudonymKey fromFile(Path file) {
        return fromFile(file, "--key-file");
    }

    /** As {@link #fromFile(Path)}, the file given by {@code option} ({@code --old-key-file}), which errors name. */
    public static PseudonymKey fromFile(Path file, String option) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(option + ": " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(option + ": " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return new PseudonymKey(decoded(new String(bytes, StandardCharsets.ISO_8859_1), option + " " + file),
                Origin.KEY_FILE, DEFAULT_ID);
    }

    /** The fixed, public demo key: for days {@code uep-deid generate} wrote only. */
    public static PseudonymKey demo() {
        return new PseudonymKey(DEMO_SECRET, Origin.DEMO, "demo");
    }

    /**
     * This key under the id operators name it by ({@value #ID_VARIABLE}); null or blank keeps the current one.
     *
     * @throws ConfigException when the id is not 1-64 letters, digits, {@code .}, {@code _} or {@code -}
     */
    public PseudonymKey withId(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return this;
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new ConfigException(ID_VARIABLE + ": must be 1-64 letters, digits, '.', '_' or '-' (a name for the "
                    + "key, never the key itself)");
        }
        return new PseudonymKey(secret, origin, keyId);
    }

    /**
     * 64 (or more, an even number of) hex digits, else padded base64 of at least {@value #MINIMUM_BYTES} bytes;
     * anything else is refused, a digit too few of hex included.
     */
    private static byte[] decoded(String text, String where) {
        String key = text.strip();
        if (HEX_KEY.matcher(key).matches()) {
            return HexFormat.of().parseHex(key);
        }
        if (!HEX.matcher(key).matches() && BASE64.matcher(key).matches()) {
            byte[] bytes = Base64.getDecoder().decode(key);
            if (bytes.length >= MINIMUM_BYTES) {
                return bytes;
            }
        }
        throw new ConfigException("the pseudonym key from " + where + " is neither 64 hex digits nor base64 of at "
                + "least " + MINIMUM_BYTES + " random bytes; " + HOW_TO_MAKE_ONE);
    }

    /** A copy of the key bytes, for the HMAC. */
    public byte[] secret() {
        return secret.clone();
    }

    public Origin origin() {
        return origin;
    }

    /** The key's name in manifests and the release log: never the key, nor anything computed from it. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + origin + ", id " + id + "]";
    }
}

package org.uepdeid.jobs.config;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a device id into its keyed pseudonym: lowercase hex of HMAC-SHA256(key, UTF-8 bytes of the device id).
 *
 * <p>Keyed, so that nobody without the key can test a guessed device id against the data; deterministic, so that a
 * device's events join across days and an erasure request (which computes the same function) finds them. Not thread
 * safe ({@link Mac} is not): one instance per task.
 */
public final class DevicePseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;

    public DevicePseudonymizer(PseudonymKey key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this Java runtime", e);
        }
    }

    /** The 64-hex-digit pseudonym of {@code deviceId}. */
    public String pseudonym(String deviceId) {
        return HexFormat.of().formatHex(mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8)));
    }
}

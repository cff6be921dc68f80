package org.uepdeid.anonymizer.dp;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Repeatable randomness for statistical tests only: SHA1PRNG seeded before its first use produces a fixed stream, so a
 * chi-square check gives the same verdict on every run. Production code has no such path (see
 * {@code FreshRandomnessTest}).
 */
final class TestRandomness {

    private TestRandomness() {
    }

    static RandomIntegers seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return new RandomIntegers(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }
}

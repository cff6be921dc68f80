package org.uepdeid.anonymizer.dp;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Uniform integers drawn from a {@link SecureRandom} by exact rejection: {@code below(n)} takes the fewest random bits
 * that can name every value below {@code n} and draws again when they name one at or above it, so every value is
 * equally likely, with no modulo bias and no floating point (Mironov 2012, "On significance of the least significant
 * bits for differential privacy", shows what floating-point noise leaks). Everything the samplers of Canonne, Kamath
 * and Steinke (2020) need — Bernoulli(n/d) as a uniform draw below d — is built on these draws.
 *
 * <p>Random bytes are fetched in blocks and spent bit by bit: a draw below 6 costs 3 bits, not 64. Not thread-safe:
 * one instance per sampler, one sampler per thread.
 */
final class RandomIntegers {

    private static final int BLOCK_BYTES = 512;
    /** Bits per chunk when assembling a BigInteger, so each chunk fits {@link #bits(int)}. */
    private static final int CHUNK_BITS = 62;

    private final SecureRandom source;
    private final byte[] block = new byte[BLOCK_BYTES];
    private int blockPosition = BLOCK_BYTES;
    private long word;
    private int wordBits;

    /**
     * Draws from {@code source}. Production code calls {@link #fresh()}; only tests hand in a generator, to make a
     * statistical check repeatable.
     */
    RandomIntegers(SecureRandom source) {
        this.source = source;
    }

    /**
     * A new generator on its own {@code new SecureRandom()}: the platform's default, non-blocking source (on Linux
     * NativePRNG, reading {@code /dev/urandom}), seeded by the platform and by nothing this program knows.
     */
    static RandomIntegers fresh() {
        return new RandomIntegers(new SecureRandom());
    }

    /** One fair random bit. */
    boolean bit() {
        return bits(1) == 1;
    }

    /** Uniform on {@code [0, n)}, {@code n ≥ 1}. */
    long below(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("uniform draw below " + n + ": the bound must be positive");
        }
        if (n == 1) {
            return 0;
        }
        int width = Long.SIZE - Long.numberOfLeadingZeros(n - 1);
        while (true) {
            long candidate = bits(width);
            if (candidate < n) {
                return candidate;
            }
        }
    }

    /** Uniform on {@code [0, n)}, {@code n ≥ 1}. */
    BigInteger below(BigInteger n) {
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("uniform draw below " + n + ": the bound must be positive");
        }
        if (n.bitLength() < Long.SIZE) {
            return BigInteger.valueOf(below(n.longValue()));
        }
        int width = n.subtract(BigInteger.ONE).bitLength();
        while (true) {
            BigInteger candidate = BigInteger.ZERO;
            for (int left = width; left > 0; left -= CHUNK_BITS) {
                int chunk = Math.min(left, CHUNK_BITS);
                candidate = candidate.shiftLeft(chunk).or(BigInteger.valueOf(bits(chunk)));
            }
            if (candidate.compareTo(n) < 0) {
                return candidate;
            }
        }
    }

    /**
     * Bernoulli(num / (den·k)) for {@code 0 ≤ num ≤ den}, {@code k ≥ 1}: one draw below den·k, or, when that product
     * overflows a long, the conjunction of Bernoulli(num/den) and Bernoulli(1/k), which has the same probability.
     */
    boolean bernoulli(long num, long den, long k) {
        long product = den * k;
        if (Math.multiplyHigh(den, k) == 0 && product > 0) {
            return below(product) < num;
        }
        return below(den) < num && below(k) == 0;
    }

    /** Bernoulli(num / (den·k)) for {@code 0 ≤ num ≤ den}, {@code k ≥ 1}, in arbitrary precision. */
    boolean bernoulli(BigInteger num, BigInteger den, long k) {
        return below(den.multiply(BigInteger.valueOf(k))).compareTo(num) < 0;
    }

    /** The next {@code count} random bits, {@code 1 ≤ count ≤ 63}, as the low bits of a non-negative long. */
    private long bits(int count) {
        if (wordBits >= count) {
            long result = word & mask(count);
            word >>>= count;
            wordBits -= count;
            return result;
        }
        long low = word;
        int lowBits = wordBits;
        word = nextWord();
        wordBits = Long.SIZE;
        return low | (bits(count - lowBits) << lowBits);
    }

    private long nextWord() {
        if (blockPosition == BLOCK_BYTES) {
            source.nextBytes(block);
            blockPosition = 0;
        }
        long w = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            w = (w << Byte.SIZE) | (block[blockPosition++] & 0xFFL);
        }
        return w;
    }

    private static long mask(int count) {
        return (1L << count) - 1;
    }
}

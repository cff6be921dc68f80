package org.uepdeid.jobs.generate;

import java.util.List;

/**
 * A SplitMix64 random stream whose state is a hash of a seed and coordinates (device, day, event...), so any
 * value can be recomputed from its coordinates alone, on any executor, in any partitioning.
 *
 * <p>Transcendental functions go through {@link StrictMath}: {@link Math} may use platform intrinsics whose
 * last bits differ between JVMs, which would break byte-identical output across machines.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    private SeededRandom(long state) {
        this.state = state;
    }

    /** A stream keyed by the seed, a purpose and coordinates; the same arguments always give the same stream. */
    static SeededRandom of(long seed, RandomPurpose purpose, long... coordinates) {
        long h = mix(seed ^ 0x5851F42D4C957F2DL);
        h = mix(h + GOLDEN_GAMMA * purpose.key());
        for (long coordinate : coordinates) {
            h = mix(h ^ mix(coordinate + GOLDEN_GAMMA));
        }
        return new SeededRandom(h);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [from, to] (both inclusive). */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pickUniform(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** Poisson-distributed count (Knuth's method: the means used here are small). */
    int poisson(double mean) {
        double limit = StrictMath.exp(-mean);
        double product = nextDouble();
        int count = 0;
        while (product > limit) {
            product *= nextDouble();
            count++;
        }
        return count;
    }

    /** Standard normal (Box-Muller). */
    double gaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** Log-normal with the given median and shape: long right tail, as durations and activity levels are. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    String characters(String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    String digits(int length) {
        return characters("0123456789", length);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

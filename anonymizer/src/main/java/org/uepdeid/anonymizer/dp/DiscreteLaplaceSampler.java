package org.uepdeid.anonymizer.dp;

/**
 * Exact draws from the discrete Laplace with scale t = n/d: Canonne, Kamath and Steinke (2020), Algorithm 2. U is
 * uniform below n and kept with probability exp(−U/n); V counts successes of Bernoulli(exp(−1)) before the first
 * failure; X = U + n·V is then geometric, P(X = x) ∝ exp(−x/n); Y = ⌊X/d⌋ has P(Y = y) ∝ exp(−y·d/n); a fair sign,
 * rejecting "−0" so that zero is not counted twice.
 */
final class DiscreteLaplaceSampler implements NoiseSampler {

    private final long n;
    private final long d;
    private final RandomIntegers random;

    DiscreteLaplaceSampler(long n, long d, RandomIntegers random) {
        this.n = n;
        this.d = d;
        this.random = random;
    }

    @Override
    public long sample() {
        while (true) {
            long u = random.below(n);
            if (!BernoulliExp.sample(random, u, n)) {
                continue;
            }
            long v = 0;
            while (BernoulliExp.sample(random, 1, 1)) {
                v++;
            }
            long y = Math.addExact(u, Math.multiplyExact(n, v)) / d;
            boolean negative = random.bit();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }
}

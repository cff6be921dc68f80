package org.uepdeid.anonymizer.model;

/**
 * Grassberger's G function for the bias-corrected entropy estimator, computed exactly as ARX does (METRICS.md §2.3):
 * a closed form up to 100, the asymptotic series above, including ARX's 32-bit {@code k*k} so results compare.
 */
final class GrassbergerDigamma {

    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final double[] TABLE = table(100);

    private GrassbergerDigamma() {
    }

    static double value(int x) {
        if (x <= 100) {
            return TABLE[x];
        }
        int even = x - (x % 2);
        int k = even / 2;
        double mu = 1.0 / (k * k); // int arithmetic on purpose: ARX overflows here past 92,681
        return Math.log(even) + mu * (1.0 / 24 - mu * (7.0 / 960 - mu * 31.0 / 8064));
    }

    private static double[] table(int max) {
        double[] g = new double[max + 1];
        double sum = 0;
        g[0] = Double.NaN;
        g[1] = -EULER_GAMMA - Math.log(2);
        for (int k = 1; 2 * k <= max; k++) {
            sum += 2.0 / (2 * k - 1);
            g[2 * k] = -EULER_GAMMA - Math.log(2) + sum;
            if (2 * k + 1 <= max) {
                g[2 * k + 1] = g[2 * k];
            }
        }
        return g;
    }
}

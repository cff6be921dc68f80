package org.uepdeid.anonymizer.model;

/** Small reads over a class's slice of the flat histogram array. */
final class Histograms {

    private Histograms() {
    }

    static int distinct(int[] histograms, int offset, int m) {
        int d = 0;
        for (int s = 0; s < m; s++) {
            if (histograms[offset + s] > 0) {
                d++;
            }
        }
        return d;
    }
}

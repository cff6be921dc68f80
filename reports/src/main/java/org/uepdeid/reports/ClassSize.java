package org.uepdeid.reports;

/**
 * Equivalence classes of one size and the records they hold, as {@code verify} counted them (one entry per size; the
 * report groups them into ranges only when it draws them).
 */
public record ClassSize(long size, long classes, long records) {

    public ClassSize {
        if (size < 1) {
            throw new IllegalArgumentException("report: a class size must be at least 1, got " + size);
        }
        Require.count("classes of size " + size, classes);
        Require.count("records in classes of size " + size, records);
    }
}

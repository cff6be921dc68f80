package org.uepdeid.reports;

/**
 * Equivalence classes of one size (or size range) and the records they hold.
 *
 * @param size the size as {@code verify} labels it ({@code 10}, {@code 50+}, ...)
 */
public record ClassSizeBin(String size, long classes, long records) {

    public ClassSizeBin {
        Require.text("class size", size);
        Require.count("classes of size " + size, classes);
        Require.count("records in classes of size " + size, records);
    }
}

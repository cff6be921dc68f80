package org.uepdeid.reports;

/**
 * The generalization level chosen for one quasi-identifier, against the height of its hierarchy (level 0 keeps the
 * value, the height usually replaces it by {@code *}).
 */
public record QiLevel(String attribute, int level, int height) {

    public QiLevel {
        Require.text("quasi-identifier", attribute);
        if (level < 0 || height < 0 || level > height) {
            throw new IllegalArgumentException("report: " + attribute + ": level " + level
                    + " must be between 0 and the hierarchy height " + height);
        }
    }
}

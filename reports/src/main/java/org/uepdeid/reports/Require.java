package org.uepdeid.reports;

/** The checks the model's records make when they are built, so that rendering can trust them. */
final class Require {

    private Require() {
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("report: " + field + " is required");
        }
        return value;
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("report: " + field + " must not be blank");
        }
        return value;
    }

    static long count(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("report: " + field + " must be a count (>= 0), got " + value);
        }
        return value;
    }

    static double share(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("report: " + field + " must be a share in [0, 1], got " + value);
        }
        return value;
    }
}

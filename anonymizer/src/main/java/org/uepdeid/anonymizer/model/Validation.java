package org.uepdeid.anonymizer.model;

/** Constructor checks the models share, so each message names the model and the field. */
final class Validation {

    private Validation() {
    }

    static void requireAttribute(String attribute, String model) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException(model + ": 'attribute' (the sensitive attribute) is required");
        }
    }

    /** A whole number of at least 1: k, or the l of l-diversity. */
    static void requireAtLeastOne(int value, String field, String model) {
        if (value < 1) {
            throw new IllegalArgumentException(model + ": " + field + " must be at least 1, got " + value);
        }
    }

    /** A share in [0, 1]: the t of t-closeness, a share of records. */
    static void requireShare(double value, String field, String model) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(model + ": " + field + " must be in [0, 1], got " + value);
        }
    }

    /** A risk in (0, 1]: a record's risk is 1 / class size, never 0, so a threshold of 0 could never be met. */
    static void requireRiskThreshold(double threshold, String model) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException(model + ": threshold must be in (0, 1], got " + threshold);
        }
    }
}

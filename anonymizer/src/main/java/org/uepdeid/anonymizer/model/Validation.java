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

    static void requireT(double t, String model) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(model + ": t must be in [0, 1], got " + t);
        }
    }
}

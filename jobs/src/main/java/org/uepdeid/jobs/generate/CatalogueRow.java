package org.uepdeid.jobs.generate;

import java.util.List;

/** One data row of a catalogue resource, able to name its file, line and column when a value is unusable. */
record CatalogueRow(String file, int line, List<String> header, List<String> fields) {

    String text(String column) {
        String value = fields.get(index(column));
        if (value.isBlank()) {
            throw problem(column, value, "must not be empty");
        }
        return value;
    }

    int integer(String column) {
        String value = text(column);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw problem(column, value, "must be an integer");
        }
    }

    double weight(String column) {
        String value = text(column);
        try {
            double weight = Double.parseDouble(value);
            if (weight > 0) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw problem(column, value, "must be a positive number");
    }

    /** A {@code |}-separated list. */
    List<String> list(String column) {
        return List.of(text(column).split("\\|"));
    }

    IllegalStateException problem(String column, String value, String what) {
        // Catalogues ship inside the jar: a bad row is a build defect, not a user error.
        return new IllegalStateException(
                "catalogue " + file + " line " + line + ", column " + column + " = '" + value + "': " + what);
    }

    private int index(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalStateException(
                    "catalogue " + file + " has no column " + column + " (header " + header + ")");
        }
        return index;
    }
}

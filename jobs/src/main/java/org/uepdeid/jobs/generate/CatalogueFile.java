package org.uepdeid.jobs.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a catalogue shipped as a class-path resource next to this package: {@code #} comments, blank lines
 * ignored, {@code ;}-separated fields under a header ({@code .csv}) or one value a line ({@code .txt}).
 */
final class CatalogueFile {

    private static final String FOLDER = "/org/uepdeid/jobs/generate/";

    private CatalogueFile() {
    }

    /** The rows of a {@code ;}-separated resource whose header must be exactly {@code expectedHeader}. */
    static List<CatalogueRow> rows(String name, String expectedHeader) {
        List<Line> lines = lines(name);
        if (lines.isEmpty() || !lines.get(0).text().equals(expectedHeader)) {
            throw new IllegalStateException("catalogue " + name + ": header must be '" + expectedHeader + "', found '"
                    + (lines.isEmpty() ? "" : lines.get(0).text()) + "'");
        }
        List<String> header = List.of(expectedHeader.split(";"));
        List<CatalogueRow> rows = new ArrayList<>(lines.size() - 1);
        for (Line line : lines.subList(1, lines.size())) {
            List<String> fields = List.of(line.text().split(";", -1));
            if (fields.size() != header.size()) {
                throw new IllegalStateException("catalogue " + name + " line " + line.number() + ": expected "
                        + header.size() + " fields (" + expectedHeader + "), found " + fields.size());
            }
            rows.add(new CatalogueRow(name, line.number(), header, fields));
        }
        return rows;
    }

    /** The values of a one-value-a-line resource, in file order; duplicates are rejected. */
    static List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Line line : lines(name)) {
            if (values.contains(line.text())) {
                throw new IllegalStateException("catalogue " + name + " line " + line.number()
                        + ": duplicate value '" + line.text() + "'");
            }
            values.add(line.text());
        }
        return List.copyOf(values);
    }

    private static List<Line> lines(String name) {
        InputStream stream = CatalogueFile.class.getResourceAsStream(FOLDER + name);
        if (stream == null) {
            throw new IllegalStateException("catalogue resource " + FOLDER + name + " is missing from the class path");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                String trimmed = text.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(new Line(number, trimmed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue resource " + name, e);
        }
        return lines;
    }

    private record Line(int number, String text) {
    }
}

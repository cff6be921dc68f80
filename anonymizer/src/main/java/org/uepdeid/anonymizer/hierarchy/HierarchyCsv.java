package org.uepdeid.anonymizer.hierarchy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads hierarchies in ARX's CSV format: one row per base value, then its generalizations, no header. */
public final class HierarchyCsv {

    private HierarchyCsv() {
    }

    /** Reads {@code file} with ARX's default separator {@code ;}. */
    public static Hierarchy read(String attribute, Path file) {
        return read(attribute, file, ';');
    }

    public static Hierarchy read(String attribute, Path file, char separator) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new HierarchyException("hierarchy file for '" + attribute + "' not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hierarchy file for '" + attribute + "': " + file, e);
        }
        Pattern split = Pattern.compile(Pattern.quote(String.valueOf(separator)));
        List<List<String>> rows = new ArrayList<>(lines.size());
        for (String line : lines) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!trimmed.isEmpty()) {
                rows.add(List.of(split.split(trimmed, -1)));
            }
        }
        return Hierarchy.of(attribute, rows, file.toString());
    }
}

package org.uepdeid.anonymizer.hierarchy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads hierarchies in ARX's CSV format: one row per base value, then its generalizations, no header. */
final class HierarchyCsv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private HierarchyCsv() {
    }

    /** Reads {@code file} with ARX's default separator {@code ;}. */
    public static Hierarchy read(String attribute, Path file) {
        return read(attribute, file, ';');
    }

    /** Reads {@code file}, whose cells are separated by {@code separator}; CRLF or LF lines, blank lines skipped. */
    public static Hierarchy read(String attribute, Path file, char separator) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new HierarchyException("hierarchy file for '" + attribute + "' not found: " + file);
        } catch (CharacterCodingException e) {
            // A bad file is a configuration error, not an I/O failure: say what to fix.
            throw new HierarchyException("hierarchy file for '" + attribute + "' is not UTF-8 text: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hierarchy file for '" + attribute + "': " + file, e);
        }
        Pattern split = Pattern.compile(Pattern.quote(String.valueOf(separator)));
        List<List<String>> rows = new ArrayList<>(lines.size());
        // readAllLines already ends lines at LF, CRLF or CR, so Windows files need no special case.
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // Editors on Windows save UTF-8 with a byte order mark; left in, it would become part of the first
            // value, which then silently fails to match the data.
            if (i == 0 && line.startsWith(BYTE_ORDER_MARK)) {
                line = line.substring(1);
            }
            if (!line.isEmpty()) {
                rows.add(List.of(split.split(line, -1)));
            }
        }
        return Hierarchy.of(attribute, rows, file.toString());
    }
}

package org.uepdeid.anonymizer.table;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.uepdeid.anonymizer.input.UserInputException;

/**
 * A delimited text table held in memory: a header and rows of strings. Unquoted, as ARX's own CSV files are; a row
 * with the wrong number of fields is an error naming the file and line.
 */
public record CsvTable(List<String> header, List<String[]> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static CsvTable read(Path file, char delimiter) {
        Pattern split = Pattern.compile(Pattern.quote(String.valueOf(delimiter)));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new UserInputException("table " + file + " is empty: no header line");
            }
            List<String> header = List.of(split.split(stripCr(first), -1));
            List<String[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                line = stripCr(line);
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = split.split(line, -1);
                if (fields.length != header.size()) {
                    throw new UserInputException("table " + file + " line " + lineNo + ": " + fields.length
                            + " fields, the header has " + header.size() + " (delimiter '" + delimiter + "')");
                }
                rows.add(fields);
            }
            return new CsvTable(header, rows);
        } catch (NoSuchFileException e) {
            throw new UserInputException("table not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + file, e);
        }
    }

    public void write(Path file, char delimiter) {
        String sep = String.valueOf(delimiter);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(sep, header));
            out.newLine();
            for (String[] row : rows) {
                out.write(String.join(sep, row));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write table " + file, e);
        }
    }

    /** The position of a column, or an error naming the missing column and the ones there are. */
    public int column(String name, String role) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new UserInputException(role + " '" + name + "' is not a column of the table; its columns are "
                    + header);
        }
        return index;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}

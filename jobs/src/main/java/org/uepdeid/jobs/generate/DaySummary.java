package org.uepdeid.jobs.generate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What one day's generation wrote: the folder, its files, and the number of lines of each kind. */
public record DaySummary(LocalDate day, String folder, List<String> files, SortedMap<String, Long> linesByKind,
                         Duration elapsed) {

    static final String BAD_PREFIX = "bad.";

    public DaySummary {
        files = List.copyOf(files);
        linesByKind = new TreeMap<>(linesByKind);
    }

    @Override
    public SortedMap<String, Long> linesByKind() {
        return new TreeMap<>(linesByKind);
    }

    public long lines() {
        return linesByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public long badLines() {
        return linesByKind.entrySet().stream().filter(entry -> entry.getKey().startsWith(BAD_PREFIX))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long goodLines() {
        return lines() - badLines();
    }

    /** Two or three lines for people: totals, then the good kinds, then the bad kinds. */
    String describe() {
        return String.format(Locale.ROOT, "dt=%s: %,d lines in %d file(s), %,d good + %,d bad, %.1f s%n"
                        + "  good: %s%n  bad:  %s%n",
                day, lines(), files.size(), goodLines(), badLines(), elapsed.toMillis() / 1000.0,
                kinds(false), kinds(true));
    }

    private String kinds(boolean bad) {
        String listed = linesByKind.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(BAD_PREFIX) == bad)
                .map(entry -> entry.getKey().substring(bad ? BAD_PREFIX.length() : 0) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return listed.isEmpty() ? "none" : listed;
    }
}

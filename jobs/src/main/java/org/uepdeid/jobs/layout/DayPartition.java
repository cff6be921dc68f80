package org.uepdeid.jobs.layout;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** One day's folder of a daily zone, named exactly {@code dt=YYYY-MM-DD}. */
public record DayPartition(Path path, LocalDate date) {

    private static final String PREFIX = "dt=";
    private static final Pattern NAME = Pattern.compile(PREFIX + "\\d{4}-\\d{2}-\\d{2}");

    /** The folder name of a day: the layout Spark's partition discovery reads back as a {@code dt} column. */
    public static String folderName(LocalDate date) {
        return PREFIX + date;
    }

    /**
     * The day a folder name stands for, if it is exactly {@code dt=YYYY-MM-DD} with a real date: jobs that delete or
     * rewrite by day must not act on {@code dt=2026-11-7}, {@code dt=2026-02-30} or anything under {@code _staging}.
     */
    public static Optional<LocalDate> dateOf(String folderName) {
        if (!NAME.matcher(folderName).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(folderName.substring(PREFIX.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * What a zone folder holds: its day partitions (oldest first) and every other entry, which callers leave alone,
     * except the zones nested in it. A zone that does not exist holds nothing.
     *
     * @param nestedZones names of entries that are zones of their own ({@link DailyZone#nestedIn(String)})
     */
    public static Listing list(FileSystem fs, Path zone, Collection<String> nestedZones) throws IOException {
        List<DayPartition> days = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        if (fs.exists(zone)) {
            for (FileStatus entry : fs.listStatus(zone)) {
                Optional<LocalDate> date = entry.isDirectory() ? dateOf(entry.getPath().getName()) : Optional.empty();
                if (date.isPresent()) {
                    days.add(new DayPartition(entry.getPath(), date.get()));
                } else if (!nestedZones.contains(entry.getPath().getName())) {
                    others.add(entry.getPath());
                }
            }
        }
        days.sort(Comparator.comparing(DayPartition::date));
        others.sort(null);
        return new Listing(days, others);
    }

    /** The entries of one zone folder, split into day partitions and everything else. */
    public record Listing(List<DayPartition> days, List<Path> others) {

        public Listing {
            days = List.copyOf(days);
            others = List.copyOf(others);
        }
    }
}

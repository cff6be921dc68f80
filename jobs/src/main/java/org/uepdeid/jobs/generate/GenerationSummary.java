package org.uepdeid.jobs.generate;

import java.util.List;
import java.util.Locale;

/** What a {@code generate} run wrote, day by day. */
public record GenerationSummary(long devices, long seed, double badShare, List<DaySummary> days) {

    public GenerationSummary {
        days = List.copyOf(days);
    }

    public long lines() {
        return days.stream().mapToLong(DaySummary::lines).sum();
    }

    public long badLines() {
        return days.stream().mapToLong(DaySummary::badLines).sum();
    }

    /** The report printed at the end of a run. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "generated %d day(s) of %,d devices (seed %d, bad share %.3f)%n",
                days.size(), devices, seed, badShare));
        days.forEach(day -> text.append(day.describe()));
        long lines = lines();
        text.append(String.format(Locale.ROOT, "total: %,d lines, %,d good + %,d bad (%.2f%% bad)%n",
                lines, lines - badLines(), badLines(), lines == 0 ? 0.0 : 100.0 * badLines() / lines));
        return text.toString();
    }
}

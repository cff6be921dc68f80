package org.uepdeid.jobs.retention;

import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.uepdeid.jobs.config.RetentionSection;

/**
 * How long one daily zone keeps its partitions.
 *
 * @param name   the zone's folder relative to the data root, as reports name it ({@code staging/events})
 * @param folder the zone's folder
 * @param days   the retention period; {@link RetentionSection#FOREVER} keeps every partition
 */
public record ZoneRetention(String name, Path folder, int days) {

    public ZoneRetention {
        if (days < 0) {
            throw new IllegalArgumentException("retention of " + name + ": days must not be negative, got " + days);
        }
    }

    public boolean keepsForever() {
        return days == RetentionSection.FOREVER;
    }

    /** The oldest day kept as of {@code asOf}: the partition of day D goes when D is before it. */
    public LocalDate oldestKept(LocalDate asOf) {
        return asOf.minusDays(days);
    }

    /** Whether the partition of {@code day} is past its period as of {@code asOf}. */
    public boolean expired(LocalDate day, LocalDate asOf) {
        return !keepsForever() && day.isBefore(oldestKept(asOf));
    }
}

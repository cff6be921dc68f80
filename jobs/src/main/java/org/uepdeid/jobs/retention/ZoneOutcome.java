package org.uepdeid.jobs.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * What retention did to one zone.
 *
 * @param zone       the zone and its period
 * @param removed    the days whose partitions were removed (or, in a dry run, would be), oldest first
 * @param kept       how many day partitions stay
 * @param leftAlone  names of entries that are not {@code dt=YYYY-MM-DD} folders, untouched
 */
public record ZoneOutcome(ZoneRetention zone, List<LocalDate> removed, int kept, List<String> leftAlone) {

    public ZoneOutcome {
        removed = List.copyOf(removed);
        leftAlone = List.copyOf(leftAlone);
    }
}

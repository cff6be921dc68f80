package org.uepdeid.jobs.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.uepdeid.jobs.layout.DayPartition;

/** The outcome of one retention run, zone by zone. */
public record RetentionReport(LocalDate asOf, boolean dryRun, List<ZoneOutcome> zones) {

    public RetentionReport {
        zones = List.copyOf(zones);
    }

    public long partitionsRemoved() {
        return zones.stream().mapToLong(z -> z.removed().size()).sum();
    }

    /** The summary printed for the operator: one line per zone, then the entries left alone. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        String verb = dryRun ? "would remove" : "removed";
        lines.add("uep-deid retention as of " + asOf + (dryRun ? " (dry run: nothing is removed)" : "") + ": "
                + verb + " " + partitionsRemoved() + " partition(s)");
        for (ZoneOutcome outcome : zones) {
            ZoneRetention zone = outcome.zone();
            String period = zone.keepsForever() ? "kept forever"
                    : zone.days() + " days, keeps dt>=" + zone.oldestKept(asOf);
            String removed = outcome.removed().isEmpty() ? ""
                    : ": " + outcome.removed().stream().map(DayPartition::folderName).collect(Collectors.joining(" "));
            lines.add(String.format("  %-40s %-30s %s %d, kept %d%s", zone.name(), period, verb,
                    outcome.removed().size(), outcome.kept(), removed));
        }
        for (ZoneOutcome outcome : zones) {
            if (!outcome.leftAlone().isEmpty()) {
                lines.add("  left alone in " + outcome.zone().name() + " (not dt=YYYY-MM-DD): "
                        + String.join(", ", outcome.leftAlone()));
            }
        }
        return lines;
    }
}

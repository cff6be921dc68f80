package org.uepdeid.jobs.erase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.uepdeid.jobs.ledger.ZoneErasure;
import org.uepdeid.jobs.manifest.DatasetCount;

/**
 * The outcome of one erasure: counts, zones and days, never a device id or pseudonym.
 *
 * @param devices         distinct devices requested
 * @param ledger          the ledger entry written; empty in a dry run
 * @param zones           per zone, what was scanned and removed
 * @param daysWithRemoved days that had rows of the devices: their published outputs still count them
 */
public record ErasureReport(boolean dryRun, int devices, Optional<DatasetCount> ledger, List<ZoneErasure> zones,
                            SortedSet<LocalDate> daysWithRemoved) {

    public ErasureReport {
        zones = List.copyOf(zones);
        daysWithRemoved = new TreeSet<>(daysWithRemoved);
    }

    public long rowsRemoved() {
        return zones.stream().mapToLong(ZoneErasure::rowsRemoved).sum();
    }

    public int partitionsScanned() {
        return zones.stream().mapToInt(ZoneErasure::scanned).sum();
    }

    public int partitionsRewritten() {
        return zones.stream().mapToInt(ZoneErasure::rewritten).sum();
    }

    /** The summary printed for the operator. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("uep-deid erase" + (dryRun ? " (dry run: nothing is changed)" : "") + ": " + devices
                + " device(s) requested");
        lines.add(ledger.map(l -> "  ledger: appended " + l.rows() + " pseudonym(s) as " + l.path()
                + "; later ingests exclude them").orElse("  ledger: not written (dry run)"));
        String removed = dryRun ? "rows to remove" : "rows removed";
        String rewritten = dryRun ? "to rewrite" : "rewritten";
        lines.add(String.format("  %-24s %8s %11s %15s", "zone", "scanned", rewritten, removed));
        zones.forEach(z -> lines.add(String.format("  %-24s %8d %11d %15d", z.zone(), z.scanned(), z.rewritten(),
                z.rowsRemoved())));
        lines.add(String.format("  %-24s %8d %11d %15d", "total", partitionsScanned(), partitionsRewritten(),
                rowsRemoved()));
        zones.forEach(z -> z.notScanned().forEach(entry -> lines.add("  not scanned in " + z.zone() + ": " + entry)));
        if (!daysWithRemoved.isEmpty()) {
            lines.add("  days with rows of these devices: " + daysWithRemoved.stream().map(LocalDate::toString)
                    .collect(Collectors.joining(" ")));
            lines.add("  published/ is not rewritten (it holds no pseudonyms, but those days' microdata and "
                    + "statistics still count the devices): release each published day again without them, while "
                    + "landing still holds it, with `uep-deid run --date D --replace --reason erasure`");
        }
        return lines;
    }
}

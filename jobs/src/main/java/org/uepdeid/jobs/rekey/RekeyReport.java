package org.uepdeid.jobs.rekey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.uepdeid.jobs.config.PseudonymKey;

/**
 * What a rekey found and did, per zone and ledger: counts only, never a device id or pseudonym.
 *
 * @param landingDays the landing days whose raw device ids built the mapping
 * @param notScanned  entries of the zones that are no partition, each with why, which rekey leaves alone
 */
public record RekeyReport(RekeyJob.Request request, int landingDays, List<UnitCount> units, List<String> notScanned) {

    public RekeyReport {
        units = List.copyOf(units);
        notScanned = List.copyOf(notScanned);
    }

    /**
     * One zone's or ledger's counts.
     *
     * @param mustMap    its entries must all map (erasure, consent): {@code --drop-unmapped} does not drop them
     * @param done       partitions or entries whose manifest already carried the new key id: skipped
     * @param rows       rows of the others
     * @param unmapped   of those, rows whose pseudonym no known device id yields
     * @param rewritten  partitions or entries rewritten (0 before the rewrite, in a dry run or a refusal)
     * @param dropped    unmapped rows removed by {@code --drop-unmapped}
     */
    public record UnitCount(String unit, boolean mustMap, int partitions, int done, long rows, long unmapped,
                            int rewritten, long dropped) {

        UnitCount rewritten(int rewrittenPartitions, long droppedRows) {
            return new UnitCount(unit, mustMap, partitions, done, rows, unmapped, rewrittenPartitions, droppedRows);
        }

        /** Unmapped rows that stop the rekey with this request. */
        long blocking(boolean dropUnmapped) {
            return mustMap || !dropUnmapped ? unmapped : 0;
        }
    }

    /** Why nothing was changed, when rows that may not be lost cannot be mapped. */
    public Optional<String> refusal() {
        boolean drop = request.dropUnmapped();
        List<UnitCount> blocking = units.stream().filter(u -> u.blocking(drop) > 0).toList();
        if (blocking.isEmpty()) {
            return Optional.empty();
        }
        boolean ledgerOnly = blocking.stream().allMatch(UnitCount::mustMap);
        return Optional.of("rekey: " + blocking.stream().mapToLong(u -> u.blocking(drop)).sum() + " row(s) have a "
                + "pseudonym no known device id yields (" + blocking.stream().map(u -> u.unit() + " "
                + u.blocking(drop)).collect(Collectors.joining(", ")) + "); nothing was changed. Supply those "
                + "devices' raw ids with --ids-file FILE (the erasure and consent request archive, the device "
                + "registry; one id a line)" + (ledgerOnly ? "; erasure and consent entries must always map, "
                + "--drop-unmapped does not drop them" : ", or drop the unmapped rows of staging, quarantine and "
                + "the children ledger with --drop-unmapped (erasure and consent entries must always map)"));
    }

    public long rowsDropped() {
        return units.stream().mapToLong(UnitCount::dropped).sum();
    }

    /** The summary printed for the operator. */
    public List<String> lines() {
        boolean dry = request.dryRun();
        List<String> lines = new ArrayList<>();
        lines.add("uep-deid rekey" + (dry ? " (dry run: nothing is changed)" : "") + ": key " + request.oldKey().id()
                + " -> " + request.newKey().id() + "; raw device ids from " + landingDays + " landing day(s) and "
                + request.idsFromFiles().size() + " id(s) from --ids-file");
        lines.add(String.format("  %-22s %10s %8s %10s %9s %10s %8s", "zone or ledger", "partitions", "skipped",
                "rows", "unmapped", dry ? "to rewrite" : "rewritten", "dropped"));
        for (UnitCount u : units) {
            lines.add(String.format("  %-22s %10d %8d %10d %9d %10s %8d", u.unit(), u.partitions(), u.done(),
                    u.rows(), u.unmapped(), dry ? String.valueOf(u.partitions() - u.done()) : u.rewritten(),
                    u.dropped()));
        }
        lines.add("  skipped: already under key " + request.newKey().id() + " (a rekey's rerun finishes the rest)");
        notScanned.forEach(entry -> lines.add("  not scanned in " + entry));
        if (rowsDropped() > 0) {
            lines.add("  dropped " + rowsDropped() + " unmapped row(s) (--drop-unmapped), recorded in each rewritten "
                    + "partition's manifest (rekey.rows_dropped)");
        }
        if (!dry && refusal().isEmpty()) {
            lines.add("  now set " + PseudonymKey.ENVIRONMENT_VARIABLE + " to the new key and "
                    + PseudonymKey.ID_VARIABLE + " to " + request.newKey().id()
                    + " for every later command, and destroy the old key");
        }
        return lines;
    }
}

package org.uepdeid.jobs.ledger;

import java.util.List;

/**
 * What an erasure found in one zone.
 *
 * @param zone        the zone's folder relative to the data root ({@code staging/events})
 * @param scanned     day partitions checked for the devices
 * @param rewritten   day partitions that held some and were rewritten without them (in a dry run: would be)
 * @param rowsRemoved rows removed (would be) from them
 * @param notScanned  entries that were not checked: not {@code dt=YYYY-MM-DD}, or without Parquet data or a
 *                    {@code device_pseudonym} column, with the reason
 */
public record ZoneErasure(String zone, int scanned, int rewritten, long rowsRemoved, List<String> notScanned) {

    public ZoneErasure {
        notScanned = List.copyOf(notScanned);
    }
}

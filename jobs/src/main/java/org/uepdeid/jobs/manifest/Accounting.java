package org.uepdeid.jobs.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where every input line of a run went; it balances when
 * {@code input_lines = accepted + Σ quarantined + no_consent + minors + erased + duplicates}.
 *
 * <p>The constructor only rejects impossible values (negative counts); whether the identity holds is the job's
 * assertion ({@link #requireBalanced()}), so that {@code verify} can still read, and report, a manifest that does not.
 *
 * @param quarantined lines sent to quarantine, by reason code (kept sorted so manifests diff cleanly)
 */
public record Accounting(long inputLines, long accepted, Map<String, Long> quarantined,
                         long noConsent, long minors, long erased, long duplicates) {

    public Accounting {
        requireCount("input_lines", inputLines);
        requireCount("accepted", accepted);
        requireCount("no_consent", noConsent);
        requireCount("minors", minors);
        requireCount("erased", erased);
        requireCount("duplicates", duplicates);
        if (quarantined == null) {
            throw new IllegalArgumentException("accounting: quarantined must be a map (empty when nothing was)");
        }
        TreeMap<String, Long> sorted = new TreeMap<>();
        quarantined.forEach((reason, count) -> {
            requireCount("quarantined." + reason, count == null ? -1 : count);
            sorted.put(reason, count);
        });
        quarantined = Collections.unmodifiableMap(sorted);
    }

    public long quarantinedTotal() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The right-hand side of the identity: every line that has an outcome. */
    public long accountedFor() {
        return accepted + quarantinedTotal() + noConsent + minors + erased + duplicates;
    }

    public boolean balanced() {
        return inputLines == accountedFor();
    }

    /**
     * Returns this accounting if it balances.
     *
     * @throws AccountingMismatchException if a line was lost or counted twice
     */
    public Accounting requireBalanced() {
        if (!balanced()) {
            throw new AccountingMismatchException("accounting does not balance: input_lines " + inputLines
                    + " != accepted " + accepted + " + quarantined " + quarantinedTotal() + " + no_consent " + noConsent
                    + " + minors " + minors + " + erased " + erased + " + duplicates " + duplicates
                    + " = " + accountedFor());
        }
        return this;
    }

    private static void requireCount(String key, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("accounting: " + key + " must be a count (>= 0), got " + count);
        }
    }
}

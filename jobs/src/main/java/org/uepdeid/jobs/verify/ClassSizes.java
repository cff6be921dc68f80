package org.uepdeid.jobs.verify;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The equivalence classes of published microdata, as counts: how many classes have each size, and how many records
 * were suppressed (the all-{@code *} class, kept apart). Everything the k, suppression and risk checks measure, and
 * the distributions the report draws, derives from it.
 *
 * @param classesBySize      size → number of classes of that size, over the classes that are not suppressed
 * @param suppressedRecords  records in the all-{@code *} class
 */
public record ClassSizes(SortedMap<Long, Long> classesBySize, long suppressedRecords) {

    public ClassSizes {
        classesBySize.forEach((size, classes) -> {
            if (size < 1 || classes < 1) {
                throw new IllegalArgumentException("class sizes and counts are positive, got " + size + " → "
                        + classes);
            }
        });
        classesBySize = Collections.unmodifiableSortedMap(new TreeMap<>(classesBySize));
        if (suppressedRecords < 0) {
            throw new IllegalArgumentException("suppressed records cannot be negative: " + suppressedRecords);
        }
    }

    /** Records in classes that are not suppressed. */
    long keptRecords() {
        return classesBySize.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
    }

    /** Every published record, suppressed or not. */
    long records() {
        return keptRecords() + suppressedRecords;
    }

    long classes() {
        return classesBySize.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The smallest class that is not suppressed, or 0 when every record is. */
    long smallest() {
        return classesBySize.isEmpty() ? 0 : classesBySize.firstKey();
    }

    /** Kept records whose re-identification risk, 1 / their class size, is above {@code risk}. */
    long recordsWithRiskAbove(double risk) {
        return classesBySize.entrySet().stream().filter(e -> 1.0 / e.getKey() > risk)
                .mapToLong(e -> e.getKey() * e.getValue()).sum();
    }

    /** Kept records alone in their class. */
    long uniqueRecords() {
        return classesBySize.getOrDefault(1L, 0L);
    }

    /** Records per class size (size → records), for the report. */
    Map<Long, Long> recordsBySize() {
        SortedMap<Long, Long> records = new TreeMap<>();
        classesBySize.forEach((size, classes) -> records.put(size, size * classes));
        return records;
    }
}

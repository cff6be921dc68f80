package org.uepdeid.anonymizer.metric;

import org.uepdeid.anonymizer.data.FrequencyTable;

/**
 * A transformation with its equivalence classes and which of them are suppressed: everything a metric scores.
 *
 * @param levels            the generalization level of each quasi-identifier
 * @param classes           the equivalence classes (keys are label ids at {@code levels})
 * @param suppressed        per class, whether it is suppressed
 * @param suppressedRecords the records in suppressed classes
 */
public record ClassifiedNode(int[] levels, FrequencyTable classes, boolean[] suppressed, long suppressedRecords) {
}

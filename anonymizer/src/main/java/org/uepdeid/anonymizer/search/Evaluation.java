package org.uepdeid.anonymizer.search;

import org.uepdeid.anonymizer.data.FrequencyTable;
import org.uepdeid.anonymizer.metric.InformationLoss;

/**
 * One evaluated transformation: whether it is anonymous within the suppression limit, its loss (null when it is not
 * anonymous), its classes and which of them are suppressed, and how many records are in classes below the minimal
 * size the models imply (a monotone part of anonymity the search prunes with).
 */
public record Evaluation(int[] levels, boolean anonymous, InformationLoss loss, FrequencyTable classes,
                         boolean[] suppressed, long suppressedRecords, long undersizedRecords) {

    /** The smallest class that is kept, or 0 when every class is suppressed. */
    public int minClassSize() {
        int min = Integer.MAX_VALUE;
        for (int c = 0; c < classes.size(); c++) {
            if (!suppressed[c]) {
                min = Math.min(min, classes.count(c));
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** The sizes of the kept classes. */
    public int[] keptClassSizes() {
        int kept = 0;
        for (boolean s : suppressed) {
            kept += s ? 0 : 1;
        }
        int[] sizes = new int[kept];
        int i = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (!suppressed[c]) {
                sizes[i++] = classes.count(c);
            }
        }
        return sizes;
    }
}

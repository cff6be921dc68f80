package org.uepdeid.anonymizer.data;

/**
 * Scratch space that successive {@link FrequencyTable#rollUp} calls share: a search rolls up thousands of tables, and
 * allocating and zeroing a fresh hash index for each was about a quarter of a roll-up's time (a profile of
 * lossrank-008). One per thread.
 */
public final class RollUpBuffers {

    private PackedTupleIndex index;
    private int[] targets = new int[0];

    /** An empty packed index for these bounds: the last one, emptied, when it is as wide (it grows as it fills). */
    PackedTupleIndex packedIndex(int[] bounds, int expected) {
        if (index == null || index.width != bounds.length) {
            index = new PackedTupleIndex(bounds, expected);
        } else {
            index.reset(bounds);
        }
        return index;
    }

    /** An array of at least {@code length} ints, contents undefined. */
    int[] targets(int length) {
        if (targets.length < length) {
            targets = new int[length];
        }
        return targets;
    }
}

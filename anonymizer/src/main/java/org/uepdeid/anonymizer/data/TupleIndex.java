package org.uepdeid.anonymizer.data;

import java.util.Arrays;

/**
 * An open-addressing hash index of fixed-width int tuples, stored flat: the aggregation step of every group-by in the
 * engine. Memory is a few ints per distinct tuple, with no object per tuple. {@link #create} picks the packed variant
 * when a tuple fits in one long, which saves a memory access per probe on large tables.
 */
sealed class TupleIndex permits PackedTupleIndex {

    /**
     * An index for tuples whose component {@code j} is below {@code bounds[j]}; packed into longs when the bits
     * fit (reusing the buffers' packed index), else compared int by int.
     */
    static TupleIndex create(int[] bounds, int expected, RollUpBuffers buffers) {
        int bits = 0;
        for (int bound : bounds) {
            bits += PackedTupleIndex.bitsFor(bound);
        }
        return bits <= 62 ? buffers.packedIndex(bounds, expected) : new TupleIndex(bounds.length, expected);
    }

    final int width;
    int[] keys;
    private int[] slots; // tuple id + 1, 0 = empty
    int size;

    TupleIndex(int width, int expected) {
        this.width = width;
        boolean packed = this instanceof PackedTupleIndex; // it keeps its own slots and keys
        this.slots = packed ? null : new int[Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1];
        this.keys = packed ? null : new int[Math.max(1, expected) * Math.max(1, width)];
    }

    int size() {
        return size;
    }

    /** The id of the tuple {@code key[0..width)}, adding it with the next id if it is new. */
    int idOf(int[] key) {
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = hash(key, 0) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                int id = size++;
                if ((long) (id + 1) * width > keys.length) {
                    keys = Arrays.copyOf(keys, Math.max(keys.length * 2, (id + 1) * width));
                }
                System.arraycopy(key, 0, keys, id * width, width);
                slots[slot] = id + 1;
                return id;
            }
            if (equalsAt(entry - 1, key)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of the tuple {@code key[0..width)}, or -1 if it is not indexed. */
    int find(int[] key) {
        int mask = slots.length - 1;
        int slot = hash(key, 0) & mask;
        while (slots[slot] != 0) {
            if (equalsAt(slots[slot] - 1, key)) {
                return slots[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The flat keys of the tuples, in id order, trimmed to size. */
    int[] keys() {
        return Arrays.copyOf(keys, size * width);
    }

    private boolean equalsAt(int id, int[] key) {
        int base = id * width;
        for (int j = 0; j < width; j++) {
            if (keys[base + j] != key[j]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(keys, id * width) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id + 1;
        }
        slots = bigger;
    }

    private int hash(int[] data, int offset) {
        int h = 0x9E3779B9;
        for (int j = 0; j < width; j++) {
            h = (h ^ data[offset + j]) * 0x85EBCA6B;
            h ^= h >>> 13;
        }
        return h ^ (h >>> 16);
    }
}

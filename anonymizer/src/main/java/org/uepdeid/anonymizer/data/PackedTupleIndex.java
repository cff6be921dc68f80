package org.uepdeid.anonymizer.data;

import java.util.Arrays;

/** A {@link TupleIndex} that packs each tuple into one long, so a probe reads one slot instead of a key row. */
final class PackedTupleIndex extends TupleIndex {

    private final int[] shifts;
    private final long[] masks;
    private long[] table; // packed key + 1, 0 = empty
    private int[] ids;
    private long[] packedKeys; // by id
    private int[] slotOfId; // where each id's key sits in table, so that reset clears only those

    PackedTupleIndex(int[] bounds, int expected) {
        super(bounds.length, expected);
        this.shifts = new int[bounds.length];
        this.masks = new long[bounds.length];
        this.packedKeys = new long[Math.max(16, expected)];
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        this.table = new long[capacity];
        this.ids = new int[capacity];
        this.slotOfId = new int[packedKeys.length];
        layOut(bounds);
    }

    /** Empties the index for tuples under new bounds of the same width, keeping its arrays: clears only used slots. */
    void reset(int[] bounds) {
        for (int id = 0; id < size; id++) {
            table[slotOfId[id]] = 0;
        }
        size = 0;
        layOut(bounds);
    }

    private void layOut(int[] bounds) {
        int shift = 0;
        for (int j = 0; j < bounds.length; j++) {
            shifts[j] = shift;
            masks[j] = (1L << bitsFor(bounds[j])) - 1;
            shift += bitsFor(bounds[j]);
        }
    }

    static int bitsFor(int bound) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, bound - 1)));
    }

    @Override
    int idOf(int[] key) {
        return idOfPacked(packKey(key));
    }

    /** Dimension {@code j}'s component {@code value} in place: OR the parts of a tuple to get its packed key. */
    long part(int j, int value) {
        return (long) value << shifts[j];
    }

    /** As {@link #idOf}, for a key already packed. */
    int idOfPacked(long key) {
        if (size * 2 >= table.length) {
            grow();
        }
        long packed = key + 1;
        int mask = table.length - 1;
        int slot = mix(packed) & mask;
        while (true) {
            long entry = table[slot];
            if (entry == packed) {
                return ids[slot];
            }
            if (entry == 0) {
                int id = size++;
                if (id == packedKeys.length) {
                    packedKeys = Arrays.copyOf(packedKeys, id * 2);
                    slotOfId = Arrays.copyOf(slotOfId, id * 2);
                }
                packedKeys[id] = key;
                table[slot] = packed;
                ids[slot] = id;
                slotOfId[id] = slot;
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The tuples unpacked, in id order. */
    @Override
    int[] keys() {
        int[] keys = new int[size * width];
        for (int id = 0; id < size; id++) {
            for (int j = 0; j < width; j++) {
                keys[id * width + j] = (int) ((packedKeys[id] >>> shifts[j]) & masks[j]);
            }
        }
        return keys;
    }

    @Override
    int find(int[] key) {
        long packed = packKey(key) + 1;
        int mask = table.length - 1;
        for (int slot = mix(packed) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if (table[slot] == packed) {
                return ids[slot];
            }
        }
        return -1;
    }

    private long packKey(int[] key) {
        long packed = 0;
        for (int j = 0; j < width; j++) {
            packed |= (long) key[j] << shifts[j];
        }
        return packed;
    }

    private static int mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }

    private void grow() {
        long[] oldTable = table;
        int[] oldIds = ids;
        table = new long[oldTable.length * 2];
        ids = new int[oldTable.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != 0) {
                int slot = mix(oldTable[i]) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = oldTable[i];
                ids[slot] = oldIds[i];
                slotOfId[oldIds[i]] = slot;
            }
        }
    }
}

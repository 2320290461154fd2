package dev.statecraft.timeline.rebuild;

import dev.statecraft.timeline.projection.ContentHash;

/**
 * Which announcement ids a rebuild has loaded, as 64-bit hashes in an open-addressing table (16 bytes per id
 * at most: ~32 MB for a million, where a set of strings would take ~150 MB). Only "certainly new" is acted on:
 * an id whose hash is new goes straight into the rebuilt table; any other (a later revision, or a hash
 * collision) goes to the staging table, whose rows the revision rule merges in, so a collision costs one
 * staging row and never a lost or doubled one.
 */
final class SeenIds {
    private long[] slots = new long[1 << 16];
    private boolean zeroSeen;
    private int size;

    /** Adds the id; true if its hash was not there before. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        boolean added = insert(slots, h);
        size += added ? 1 : 0;
        return added;
    }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == h) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = h;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(slots, h);
            }
        }
    }

    /** FNV-1a over the UTF-16 code units, then the murmur3 finaliser to spread the bits. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return ContentHash.finish(h);
    }
}

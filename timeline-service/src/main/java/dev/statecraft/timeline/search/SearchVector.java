package dev.statecraft.timeline.search;

import dev.statecraft.timeline.search.EnglishAnalyzer.Lexeme;
import java.util.Arrays;

/**
 * The stored search vector of an entry, built by {@link EnglishAnalyzer} in the projection instead of by
 * PostgreSQL (which cost ~0.1 ms of database CPU per row). Same shape as the former generated column
 * {@code setweight(to_tsvector(title), 'A') || setweight(to_tsvector(body), 'B')}: title words weight A, body
 * words weight B, body positions follow the title's highest lexeme position (as {@code ||} shifts them),
 * positions capped as PostgreSQL caps them. Two forms of the same value: the tsvector text ({@code 'lexem':1A,7B},
 * bound by the live upsert) and the binary form of {@code tsvector_recv} (COPYed by the rebuild, which spares
 * PostgreSQL the text lexer and the sort: ~40 % of its COPY time per row was reading the text form).
 *
 * <p>Built without a map or an object per lexeme or position (this was ~half of a rebuild's Java CPU): each
 * lexeme is the analyzer's per-thread instance, which carries its slot in the vector being built; the positions
 * are collected in one array in text order and grouped by slot at the end; the binary form sorts the slots once
 * as primitive keys (the lexeme's first bytes and its slot).
 */
public final class SearchVector {
    /** tsvector limits: positions above 16383 are stored as 16383; at most 256 positions per lexeme. */
    private static final int MAX_POSITION = 16383;
    private static final int MAX_POSITIONS_PER_LEXEME = 256;
    /** PostgreSQL's MAXSTRPOS: the most bytes of lexemes and positions one tsvector may hold. */
    private static final int MAX_BYTES = (1 << 20) - 1;
    private static final int WEIGHT_A = 3;
    private static final int WEIGHT_B = 2;
    private static final ThreadLocal<Builder> BUILDER = ThreadLocal.withInitial(Builder::new);

    /** The lexemes in the order the text first has them (the text form's order). */
    private final Lexeme[] lexemes;
    /** The positions of lexeme i: {@code positions[starts[i]]} up to {@code starts[i + 1]}, weight << 14 | position. */
    private final int[] starts;
    private final char[] positions;

    private SearchVector(Lexeme[] lexemes, int[] starts, char[] positions) {
        this.lexemes = lexemes;
        this.starts = starts;
        this.positions = positions;
    }

    /** The vector in tsvector text form. */
    public static String of(String title, String body) {
        return analyse(title, body).text();
    }

    public static SearchVector analyse(String title, String body) {
        Builder builder = BUILDER.get();
        builder.start();
        int[] titleMax = {0};
        EnglishAnalyzer.analyse(title, true, (position, lexeme) -> {
            if (lexeme != null) {
                builder.add(lexeme, position, WEIGHT_A);
                titleMax[0] = position;
            }
        });
        int offset = titleMax[0];
        EnglishAnalyzer.analyse(body, false, (position, lexeme) -> {
            if (lexeme != null) {
                builder.add(lexeme, offset + position, WEIGHT_B);
            }
        });
        return builder.build();
    }

    /** The tsvector text form: lexemes in the order of the text, each with its positions and weights. */
    public String text() {
        StringBuilder text = new StringBuilder(lexemes.length * 16);
        for (int i = 0; i < lexemes.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            quote(text, lexemes[i].text);
            text.append(':');
            for (int p = starts[i]; p < starts[i + 1]; p++) {
                text.append(p == starts[i] ? "" : ",").append(positions[p] & MAX_POSITION)
                        .append(positions[p] >>> 14 == WEIGHT_A ? 'A' : 'B');
            }
        }
        return text.toString();
    }

    /**
     * The binary form {@code tsvector_recv} reads (lexeme count; per lexeme its UTF-8 bytes and a NUL, the
     * position count, each position with its weight in the top two bits), lexemes in PostgreSQL's own order
     * (bytewise, a prefix first), so PostgreSQL neither parses nor sorts, and stores what it stores from the text
     * form. Null when the text form would be refused for its size (the limit {@code tsvector_in} checks: lexemes
     * plus positions over 1 MB), so such a row is refused alike either way.
     */
    public byte[] binary() {
        int[] order = byteOrder();
        long size = 0; // as tsvector_in counts it, in PostgreSQL's order: lexeme, 2-byte aligned count, positions
        int length = 4;
        for (int i : order) {
            int bytes = lexemes[i].utf8.length;
            int count = starts[i + 1] - starts[i];
            size += bytes;
            size = (size + 1) & ~1L;
            size += 2 + 2L * count;
            length += bytes + 3 + 2 * count;
        }
        if (size > MAX_BYTES) {
            return null;
        }
        byte[] out = new byte[length];
        int at = putShort(out, putShort(out, 0, lexemes.length >>> 16), lexemes.length);
        for (int i : order) {
            byte[] bytes = lexemes[i].utf8;
            System.arraycopy(bytes, 0, out, at, bytes.length);
            at += bytes.length + 1; // and the NUL, already there
            at = putShort(out, at, starts[i + 1] - starts[i]);
            for (int p = starts[i]; p < starts[i + 1]; p++) {
                at = putShort(out, at, positions[p]);
            }
        }
        return out;
    }

    /**
     * The lexeme indexes in unsigned bytewise order of their UTF-8: one primitive sort of (first six bytes,
     * index) keys, then the rare runs with the same first six bytes ordered by their whole bytes.
     */
    private int[] byteOrder() {
        int n = lexemes.length;
        int[] order = new int[n];
        if (n > 1 << 16) {
            Integer[] boxed = new Integer[n];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, (a, b) -> Arrays.compareUnsigned(lexemes[a].utf8, lexemes[b].utf8));
            Arrays.setAll(order, i -> boxed[i]);
            return order;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            byte[] b = lexemes[i].utf8;
            long prefix = 0;
            for (int k = 0; k < 6; k++) {
                prefix = prefix << 8 | (k < b.length ? b[k] & 0xff : 0);
            }
            keys[i] = (prefix << 16 | i) ^ Long.MIN_VALUE; // sign flipped: the signed sort orders unsigned
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & 0xffff);
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && keys[to] >>> 16 == keys[from] >>> 16) {
                to++;
            }
            for (int i = from + 1; i < to; i++) { // insertion sort of a run with one prefix
                int x = order[i];
                int j = i - 1;
                while (j >= from && Arrays.compareUnsigned(lexemes[order[j]].utf8, lexemes[x].utf8) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            from = to;
        }
        return order;
    }

    private static int putShort(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 8);
        out[at + 1] = (byte) v;
        return at + 2;
    }

    /** A lexeme as a tsvector/tsquery literal: single quotes, with quote and backslash doubled/escaped. */
    static void quote(StringBuilder out, String lexeme) {
        out.append('\'');
        for (int i = 0; i < lexeme.length(); i++) {
            char c = lexeme.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('\'');
    }

    /** One thread's scratch arrays for the vector it is building, reused from vector to vector. */
    private static final class Builder {
        private static final int KEPT = 1 << 14;
        private int vector;
        private Lexeme[] slots = new Lexeme[512];
        private int[] counts = new int[512];
        private int[] last = new int[512];
        private int lexemeCount;
        private int[] occurrenceSlot = new int[2048];
        private char[] occurrence = new char[2048];
        private int occurrences;

        void start() {
            vector = vector == Integer.MAX_VALUE ? 1 : vector + 1;
            lexemeCount = 0;
            occurrences = 0;
            if (slots.length > KEPT) { // one huge text does not keep its arrays
                slots = new Lexeme[512];
                counts = new int[512];
                last = new int[512];
            }
            if (occurrence.length > 4 * KEPT) {
                occurrenceSlot = new int[2048];
                occurrence = new char[2048];
            }
        }

        void add(Lexeme lexeme, int position, int weight) {
            if (lexeme.vector != vector) {
                if (lexemeCount == slots.length) {
                    slots = Arrays.copyOf(slots, lexemeCount * 2);
                    counts = Arrays.copyOf(counts, lexemeCount * 2);
                    last = Arrays.copyOf(last, lexemeCount * 2);
                }
                lexeme.vector = vector;
                lexeme.slot = lexemeCount;
                slots[lexemeCount] = lexeme;
                counts[lexemeCount++] = 0;
            }
            int slot = lexeme.slot;
            int count = counts[slot];
            if (count == MAX_POSITIONS_PER_LEXEME) {
                return;
            }
            int capped = Math.min(position, MAX_POSITION);
            if (count > 0 && last[slot] == capped) {
                return; // beyond the cap every position is the same one
            }
            last[slot] = capped;
            counts[slot] = count + 1;
            if (occurrences == occurrence.length) {
                occurrence = Arrays.copyOf(occurrence, occurrences * 2);
                occurrenceSlot = Arrays.copyOf(occurrenceSlot, occurrences * 2);
            }
            occurrenceSlot[occurrences] = slot;
            occurrence[occurrences++] = (char) (weight << 14 | capped);
        }

        SearchVector build() {
            int[] starts = new int[lexemeCount + 1];
            for (int i = 0; i < lexemeCount; i++) {
                starts[i + 1] = starts[i] + counts[i];
            }
            char[] positions = new char[occurrences];
            int[] next = last; // no longer needed for this vector: each slot's write cursor
            System.arraycopy(starts, 0, next, 0, lexemeCount);
            for (int k = 0; k < occurrences; k++) {
                positions[next[occurrenceSlot[k]]++] = occurrence[k];
            }
            Lexeme[] lexemes = Arrays.copyOf(slots, lexemeCount);
            Arrays.fill(slots, 0, lexemeCount, null);
            return new SearchVector(lexemes, starts, positions);
        }
    }
}

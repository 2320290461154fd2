package dev.statecraft.timeline.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session 6's {@code SearchVector}, kept unchanged as the reference SearchVectorSameAsBeforeTest compares the
 * current one with (the stored vector must stay byte for byte the same).
 *
 * <p>The stored search vector of an entry, built by {@link ReferenceAnalyzer} in the projection instead of by
 * PostgreSQL (which cost ~0.1 ms of database CPU per row). Same shape as the former generated column
 * {@code setweight(to_tsvector(title), 'A') || setweight(to_tsvector(body), 'B')}: title words weight A, body
 * words weight B, body positions follow the title's highest lexeme position (as {@code ||} shifts them),
 * positions capped as PostgreSQL caps them. Two forms of the same value: the tsvector text ({@code 'lexem':1A,7B},
 * bound by the live upsert) and the binary form of {@code tsvector_recv} (COPYed by the rebuild, which spares
 * PostgreSQL the text lexer and the sort: ~40 % of its COPY time per row was reading the text form).
 */
final class ReferenceVector {
    /** tsvector limits: positions above 16383 are stored as 16383; at most 256 positions per lexeme. */
    private static final int MAX_POSITION = 16383;
    private static final int MAX_POSITIONS_PER_LEXEME = 256;
    /** PostgreSQL's MAXSTRPOS: the most bytes of lexemes and positions one tsvector may hold. */
    private static final int MAX_BYTES = (1 << 20) - 1;
    private static final int WEIGHT_A = 3;
    private static final int WEIGHT_B = 2;

    /** The lexemes in the order the text first has them (the text form's order). */
    private final String[] lexemes;
    private final Positions[] positions;

    private ReferenceVector(String[] lexemes, Positions[] positions) {
        this.lexemes = lexemes;
        this.positions = positions;
    }

    /** The vector in tsvector text form. */
    public static String of(String title, String body) {
        return analyse(title, body).text();
    }

    public static ReferenceVector analyse(String title, String body) {
        // sized for a typical body: growing the table was a tenth of this method in a 1M rebuild (JFR)
        Map<String, Positions> lexemes = new LinkedHashMap<>(512);
        int[] titleMax = {0};
        ReferenceAnalyzer.analyse(title, (position, lexeme) -> {
            if (lexeme != null) {
                lexemes.computeIfAbsent(lexeme, l -> new Positions()).add(position, WEIGHT_A);
                titleMax[0] = position;
            }
        });
        int offset = titleMax[0];
        ReferenceAnalyzer.analyse(body, (position, lexeme) -> {
            if (lexeme != null) {
                lexemes.computeIfAbsent(lexeme, l -> new Positions()).add(offset + position, WEIGHT_B);
            }
        });
        return new ReferenceVector(lexemes.keySet().toArray(new String[0]),
                lexemes.values().toArray(new Positions[0]));
    }

    /** The tsvector text form: lexemes in the order of the text, each with its positions and weights. */
    public String text() {
        StringBuilder text = new StringBuilder(lexemes.length * 16);
        for (int i = 0; i < lexemes.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            quote(text, lexemes[i]);
            positions[i].appendTo(text.append(':'));
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
        byte[][] bytes = new byte[lexemes.length][];
        Integer[] order = new Integer[lexemes.length];
        int length = 4;
        for (int i = 0; i < lexemes.length; i++) {
            bytes[i] = lexemes[i].getBytes(StandardCharsets.UTF_8);
            order[i] = i;
            length += bytes[i].length + 3 + 2 * positions[i].size;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(bytes[a], bytes[b]));
        long size = 0; // as tsvector_in counts it, in PostgreSQL's order: lexeme, 2-byte aligned count, positions
        for (int i : order) {
            size += bytes[i].length;
            size = (size + 1) & ~1L;
            size += 2 + 2L * positions[i].size;
        }
        if (size > MAX_BYTES) {
            return null;
        }
        byte[] out = new byte[length];
        int at = putShort(out, putShort(out, 0, lexemes.length >>> 16), lexemes.length);
        for (int i : order) {
            System.arraycopy(bytes[i], 0, out, at, bytes[i].length);
            at += bytes[i].length + 1; // and the NUL, already there
            at = positions[i].put(out, at);
        }
        return out;
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

    private static final class Positions {
        private int[] positions = new int[2];
        private byte[] weights = new byte[2];
        private int size;

        void add(int position, int weight) {
            if (size == MAX_POSITIONS_PER_LEXEME) {
                return;
            }
            int capped = Math.min(position, MAX_POSITION);
            if (size > 0 && positions[size - 1] == capped) {
                return; // beyond the cap every position is the same one
            }
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            positions[size] = capped;
            weights[size++] = (byte) weight;
        }

        void appendTo(StringBuilder out) {
            for (int i = 0; i < size; i++) {
                out.append(i == 0 ? "" : ",").append(positions[i]).append(weights[i] == WEIGHT_A ? 'A' : 'B');
            }
        }

        /** uint16 count, then per position (weight << 14 | position), ascending as tsvector_recv demands. */
        int put(byte[] out, int at) {
            int next = putShort(out, at, size);
            for (int i = 0; i < size; i++) {
                next = putShort(out, next, weights[i] << 14 | positions[i]);
            }
            return next;
        }
    }
}

package dev.statecraft.timeline.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored search vector of an entry in tsvector text form ({@code 'lexem':1A,7B}), built by
 * {@link EnglishAnalyzer} in the projection instead of by PostgreSQL (which cost ~0.1 ms of database CPU per
 * row). Same shape as the former generated column {@code setweight(to_tsvector(title), 'A') ||
 * setweight(to_tsvector(body), 'B')}: title words weight A, body words weight B, body positions follow the
 * title's highest lexeme position (as {@code ||} shifts them), positions capped as PostgreSQL caps them.
 */
public final class SearchVector {
    /** tsvector limits: positions above 16383 are stored as 16383; at most 256 positions per lexeme. */
    private static final int MAX_POSITION = 16383;
    private static final int MAX_POSITIONS_PER_LEXEME = 256;

    private SearchVector() {
    }

    public static String of(String title, String body) {
        Map<String, Positions> lexemes = new LinkedHashMap<>();
        int[] titleMax = {0};
        EnglishAnalyzer.analyse(title, (position, lexeme) -> {
            if (lexeme != null) {
                lexemes.computeIfAbsent(lexeme, l -> new Positions()).add(position, 'A');
                titleMax[0] = position;
            }
        });
        int offset = titleMax[0];
        EnglishAnalyzer.analyse(body, (position, lexeme) -> {
            if (lexeme != null) {
                lexemes.computeIfAbsent(lexeme, l -> new Positions()).add(offset + position, 'B');
            }
        });
        StringBuilder text = new StringBuilder(lexemes.size() * 16);
        for (Map.Entry<String, Positions> e : lexemes.entrySet()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            quote(text, e.getKey());
            e.getValue().appendTo(text.append(':'));
        }
        return text.toString();
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
        private char[] weights = new char[2];
        private int size;

        void add(int position, char weight) {
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
            weights[size++] = weight;
        }

        void appendTo(StringBuilder out) {
            for (int i = 0; i < size; i++) {
                out.append(i == 0 ? "" : ",").append(positions[i]).append(weights[i]);
            }
        }
    }
}

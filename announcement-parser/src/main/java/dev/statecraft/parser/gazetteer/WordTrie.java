package dev.statecraft.parser.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trie of all gazetteer names, walked once from every word start of a text: one pass finds every name,
 * however many there are (no pattern per name). A walk stops as soon as no name continues, usually after a
 * character or two, and never runs longer than the longest name, so a scan is linear in the text. Immutable
 * after construction, so one instance serves all threads.
 */
public final class WordTrie {
    /**
     * Per node i, {@code nodes[3i]} is where its edges start in {@link #edges}, {@code nodes[3i + 1]} the
     * pattern ending exactly there (or -1) and {@code nodes[3i + 2]} the offset of its ASCII table in
     * {@link #childAscii} (or -1; the root's children with more than two edges have one); node i's edges end
     * where node i + 1's start. Edges are (label, target) pairs sorted by label. Interleaving keeps a step
     * within one or two cache lines instead of several separate arrays, which matters when other processes
     * share the cache.
     */
    private final int[] nodes;
    private final int[] edges;
    /** Transitions out of the root for ASCII chars, where nearly every walk starts; others by search. */
    private static final int ASCII = 128;
    private final int[] rootAscii = new int[ASCII];
    private final int[] childAscii;
    /**
     * Bit {@code 128 * c0 + c1} is set when some pattern begins with the ASCII chars c0 c1: one bit read rules out
     * most words of a text after their first char, without the second step into the (larger, often cold) tables.
     */
    private final long[] asciiPairs = new long[ASCII * ASCII / Long.SIZE];
    /** Nodes with at most this many edges are searched linearly. */
    private static final int LINEAR_EDGES = 8;
    private final boolean startsWithLetterOrDigit;

    /** Receives (start, end exclusive, pattern index) for each occurrence. */
    @FunctionalInterface
    public interface MatchListener {
        void onMatch(int start, int end, int pattern);
    }

    public WordTrie(List<String> patterns) {
        List<TreeMap<Character, Integer>> edgeMaps = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        edgeMaps.add(new TreeMap<>());
        out.add(-1);
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                Integer next = edgeMaps.get(node).get(pattern.charAt(i));
                if (next == null) {
                    next = edgeMaps.size();
                    edgeMaps.add(new TreeMap<>());
                    out.add(-1);
                    edgeMaps.get(node).put(pattern.charAt(i), next);
                }
                node = next;
            }
            if (node != 0 && out.get(node) < 0) {
                out.set(node, p);
            }
        }
        int n = edgeMaps.size();
        int total = 0;
        for (TreeMap<Character, Integer> e : edgeMaps) {
            total += e.size();
        }
        nodes = new int[3 * (n + 1)];
        edges = new int[2 * total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            nodes[3 * i] = k;
            nodes[3 * i + 1] = out.get(i);
            nodes[3 * i + 2] = -1;
            for (Map.Entry<Character, Integer> entry : edgeMaps.get(i).entrySet()) {
                edges[2 * k] = entry.getKey();
                edges[2 * k + 1] = entry.getValue();
                k++;
            }
        }
        nodes[3 * n] = k;
        nodes[3 * n + 1] = -1;
        nodes[3 * n + 2] = -1;
        boolean alphanumeric = true;
        for (int e = nodes[0]; e < nodes[3]; e++) {
            alphanumeric &= TextWords.isLetterOrDigit((char) edges[2 * e]);
        }
        startsWithLetterOrDigit = alphanumeric;
        Arrays.fill(rootAscii, -1);
        for (int e = nodes[0]; e < nodes[3]; e++) {
            if (edges[2 * e] < ASCII) {
                rootAscii[edges[2 * e]] = edges[2 * e + 1];
            }
        }
        // The root's children are where nearly every walk takes its second step: ASCII tables for them too.
        int children = 0;
        for (int e = nodes[0]; e < nodes[3]; e++) {
            int child = edges[2 * e + 1];
            if (nodes[3 * child + 3] - nodes[3 * child] > LINEAR_EDGES / 4) {
                nodes[3 * child + 2] = children++ * ASCII;
            }
        }
        for (int e = nodes[0]; e < nodes[3]; e++) {
            int first = edges[2 * e];
            int child = edges[2 * e + 1];
            for (int f = nodes[3 * child]; f < nodes[3 * child + 3] && first < ASCII; f++) {
                int second = edges[2 * f];
                if (second < ASCII) {
                    int pair = first * ASCII + second;
                    asciiPairs[pair >>> 6] |= 1L << pair;
                }
            }
        }
        childAscii = new int[children * ASCII];
        Arrays.fill(childAscii, -1);
        for (int node = 0; node < n; node++) {
            int table = nodes[3 * node + 2];
            if (table >= 0) {
                for (int e = nodes[3 * node]; e < nodes[3 * node + 3]; e++) {
                    if (edges[2 * e] < ASCII) {
                        childAscii[table + edges[2 * e]] = edges[2 * e + 1];
                    }
                }
            }
        }
    }

    private int step(int node, char c) {
        if (c < ASCII) {
            if (node == 0) {
                return rootAscii[c];
            }
            int table = nodes[3 * node + 2];
            if (table >= 0) {
                return childAscii[table + c];
            }
        }
        int from = nodes[3 * node];
        int to = nodes[3 * node + 3];
        if (to - from > LINEAR_EDGES) {
            int low = from;
            int high = to - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int label = edges[2 * mid];
                if (label < c) {
                    low = mid + 1;
                } else if (label > c) {
                    high = mid - 1;
                } else {
                    return edges[2 * mid + 1];
                }
            }
            return -1;
        }
        // Most nodes have one or two edges: a short scan of the sorted labels beats a binary search.
        for (int e = from; e < to; e++) {
            int label = edges[2 * e];
            if (label >= c) {
                return label == c ? edges[2 * e + 1] : -1;
            }
        }
        return -1;
    }

    /**
     * Reports every pattern that occurs in {@code text} (folded the same way as the patterns) starting at a
     * word start, i.e. not preceded by a letter or digit.
     */
    public void scanWordStarts(CharSequence text, MatchListener listener) {
        char[] chars = text.toString().toCharArray();
        scanWordStarts(chars, 0, chars.length, listener);
    }

    /**
     * As {@link #scanWordStarts(CharSequence, MatchListener)} on {@code text[from, to)}, which is read as if it
     * were the whole text (a match may start at {@code from} and never runs past {@code to}).
     */
    public void scanWordStarts(char[] text, int from, int to, MatchListener listener) {
        for (int start = from; start < to; start++) {
            if (start > from && TextWords.isLetterOrDigit(text[start - 1])) {
                continue;
            }
            walk(text, start, to, listener);
        }
    }

    /**
     * As {@link #scanWordStarts(char[], int, int, MatchListener)} on {@code text[0, to)}, with
     * {@code wordStarts} the text's {@link #wordStarts}, computed once for all the scans of a text: when every
     * pattern begins with a letter or digit, only those offsets can begin a match.
     */
    public void scanWordStarts(char[] text, int[] wordStarts, int to, MatchListener listener) {
        if (!startsWithLetterOrDigit) {
            scanWordStarts(text, 0, to, listener);
            return;
        }
        for (int w = 0; w < wordStarts.length && wordStarts[w] < to; w++) {
            walk(text, wordStarts[w], to, listener);
        }
    }

    /** Whether every pattern begins with a letter or digit (then matches begin only at {@link #wordStarts}). */
    public boolean startsWithLetterOrDigit() {
        return startsWithLetterOrDigit;
    }

    /** Offsets of the letters and digits of {@code text} that follow no letter or digit, in order. */
    public static int[] wordStarts(char[] text) {
        int[] starts = new int[Math.max(16, text.length / 4)];
        int n = 0;
        boolean previousIsWordChar = false;
        for (int i = 0; i < text.length; i++) {
            boolean wordChar = TextWords.isLetterOrDigit(text[i]);
            if (wordChar && !previousIsWordChar) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i;
            }
            previousIsWordChar = wordChar;
        }
        return Arrays.copyOf(starts, n);
    }

    /** Reports every pattern that starts exactly at {@code text[start]} and ends by {@code to}, shortest first. */
    public void walk(char[] text, int start, int to, MatchListener listener) {
        char first = text[start];
        int node = step(0, first);
        if (node >= 0 && first < ASCII && start + 1 < to && text[start + 1] < ASCII) {
            int pair = first * ASCII + text[start + 1];
            if ((asciiPairs[pair >>> 6] & 1L << pair) == 0) {
                // No pattern goes on past the first char: only a one-char pattern can be there.
                int pattern = nodes[3 * node + 1];
                if (pattern >= 0) {
                    listener.onMatch(start, start + 1, pattern);
                }
                return;
            }
        }
        for (int i = start; node >= 0; ) {
            int pattern = nodes[3 * node + 1];
            if (pattern >= 0) {
                listener.onMatch(start, i + 1, pattern);
            }
            if (++i >= to) {
                break;
            }
            node = step(node, text[i]);
        }
    }

    /** The pattern that is exactly {@code text[start, end)}, or -1. */
    public int exact(char[] text, int start, int end) {
        int node = 0;
        for (int i = start; i < end && node >= 0; i++) {
            node = step(node, text[i]);
        }
        return node > 0 ? nodes[3 * node + 1] : -1;
    }
}

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
     * All nodes' sorted edge labels and target nodes in two flat arrays (node i owns
     * {@code [edgeStart[i], edgeStart[i + 1])}): one contiguous block instead of two small arrays per node keeps
     * a walk in few cache lines.
     */
    private final int[] edgeStart;
    private final char[] edgeChars;
    private final int[] edgeTargets;
    /** Pattern ending exactly at the node, or -1. */
    private final int[] output;
    /** Transitions out of the root for ASCII chars, where nearly every walk starts; others by binary search. */
    private static final int ASCII = 128;
    private final int[] rootAscii = new int[ASCII];
    /** Per node, the offset of its ASCII transition table in {@link #childAscii}, or -1 (root's children only). */
    private final int[] childTable;
    private final int[] childAscii;
    /** Nodes with at most this many edges are searched linearly. */
    private static final int LINEAR_EDGES = 8;

    /** Receives (start, end exclusive, pattern index) for each occurrence. */
    @FunctionalInterface
    public interface MatchListener {
        void onMatch(int start, int end, int pattern);
    }

    public WordTrie(List<String> patterns) {
        List<TreeMap<Character, Integer>> edges = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        edges.add(new TreeMap<>());
        out.add(-1);
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                Integer next = edges.get(node).get(pattern.charAt(i));
                if (next == null) {
                    next = edges.size();
                    edges.add(new TreeMap<>());
                    out.add(-1);
                    edges.get(node).put(pattern.charAt(i), next);
                }
                node = next;
            }
            if (node != 0 && out.get(node) < 0) {
                out.set(node, p);
            }
        }
        int n = edges.size();
        int total = 0;
        for (TreeMap<Character, Integer> e : edges) {
            total += e.size();
        }
        edgeStart = new int[n + 1];
        edgeChars = new char[total];
        edgeTargets = new int[total];
        output = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            edgeStart[i] = k;
            for (Map.Entry<Character, Integer> entry : edges.get(i).entrySet()) {
                edgeChars[k] = entry.getKey();
                edgeTargets[k++] = entry.getValue();
            }
            output[i] = out.get(i);
        }
        edgeStart[n] = k;
        Arrays.fill(rootAscii, -1);
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            if (edgeChars[e] < rootAscii.length) {
                rootAscii[edgeChars[e]] = edgeTargets[e];
            }
        }
        // The root's children are where nearly every walk takes its second step: ASCII tables for them too.
        childTable = new int[n];
        Arrays.fill(childTable, -1);
        int children = 0;
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            if (edgeStart[edgeTargets[e] + 1] - edgeStart[edgeTargets[e]] > LINEAR_EDGES / 4) {
                childTable[edgeTargets[e]] = children++ * ASCII;
            }
        }
        childAscii = new int[children * ASCII];
        Arrays.fill(childAscii, -1);
        for (int node = 0; node < n; node++) {
            if (childTable[node] >= 0) {
                for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                    if (edgeChars[e] < ASCII) {
                        childAscii[childTable[node] + edgeChars[e]] = edgeTargets[e];
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
            int table = childTable[node];
            if (table >= 0) {
                return childAscii[table + c];
            }
        }
        int from = edgeStart[node];
        int to = edgeStart[node + 1];
        if (to - from > LINEAR_EDGES) {
            int i = Arrays.binarySearch(edgeChars, from, to, c);
            return i >= 0 ? edgeTargets[i] : -1;
        }
        // Most nodes have one or two edges: a short scan of the sorted labels beats a binary search.
        for (int e = from; e < to; e++) {
            char label = edgeChars[e];
            if (label >= c) {
                return label == c ? edgeTargets[e] : -1;
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
            int node = step(0, text[start]);
            for (int i = start; node >= 0; ) {
                if (output[node] >= 0) {
                    listener.onMatch(start, i + 1, output[node]);
                }
                if (++i >= to) {
                    break;
                }
                node = step(node, text[i]);
            }
        }
    }

    /** The pattern that is exactly {@code text[start, end)}, or -1. */
    public int exact(char[] text, int start, int end) {
        int node = 0;
        for (int i = start; i < end && node >= 0; i++) {
            node = step(node, text[i]);
        }
        return node > 0 ? output[node] : -1;
    }
}

package dev.statecraft.parser.gazetteer;

/** A gazetteer name found at [start, end) of the text. */
public record GazetteerMatch(int start, int end, GazetteerEntry entry) {
    public int length() {
        return end - start;
    }
}

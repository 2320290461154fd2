package dev.statecraft.parser.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects paragraphs into a {@link Body}: whitespace collapsed, control characters dropped, "\n\n" between. */
public final class BodyBuilder {
    /**
     * The body's chars so far, {@code text[0, length)}: each paragraph is collapsed straight into it (a copy
     * per paragraph into a StringBuilder before, which checked every char for Latin-1 on the way).
     */
    private char[] text;
    private int length;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    /** The raw chars of a paragraph: reused for every paragraph. */
    private char[] raw = new char[0];

    public BodyBuilder() {
        this(16);
    }

    /** @param expectedLength about how long the body will be (sizes the text once instead of growing it) */
    public BodyBuilder(int expectedLength) {
        text = new char[Math.max(16, expectedLength)];
    }

    public BodyBuilder add(CharSequence paragraph, boolean blockQuote) {
        int length = paragraph.length();
        ensureCapacity(length);
        Whitespace.getChars(paragraph, raw);
        return addRaw(length, blockQuote);
    }

    /**
     * Adds the lines {@code chars[starts[k], ends[k])} for k in {@code [from, to)} joined by one space as a
     * paragraph: {@link #add} of that join, without building it as a string first.
     */
    public BodyBuilder addLines(char[] chars, int[] starts, int[] ends, int from, int to, boolean blockQuote) {
        int length = 0;
        for (int k = from; k < to; k++) {
            length += (k > from ? 1 : 0) + ends[k] - starts[k];
        }
        ensureCapacity(length);
        int n = 0;
        for (int k = from; k < to; k++) {
            if (k > from) {
                raw[n++] = ' ';
            }
            System.arraycopy(chars, starts[k], raw, n, ends[k] - starts[k]);
            n += ends[k] - starts[k];
        }
        return addRaw(length, blockQuote);
    }

    private void ensureCapacity(int length) {
        if (raw.length < length) {
            raw = new char[Math.max(length, 2 * raw.length)];
        }
    }

    /** Adds {@code raw[0, rawLength)} as a paragraph. */
    private BodyBuilder addRaw(int rawLength, boolean blockQuote) {
        int start = length == 0 ? 0 : length + 2; // after the "\n\n" separator, if any
        if (text.length < start + rawLength) {
            text = Arrays.copyOf(text, Math.max(start + rawLength, 2 * text.length));
        }
        int end = Whitespace.collapse(raw, rawLength, text, start);
        if (end == start) {
            return this; // a blank paragraph adds nothing, not even its separator
        }
        if (start > 0) {
            text[length] = '\n';
            text[length + 1] = '\n';
        }
        paragraphs.add(new Paragraph(start, end, blockQuote));
        length = end;
        return this;
    }

    public Body build() {
        return new Body(new String(text, 0, length), paragraphs);
    }
}

package dev.statecraft.parser.text;

import java.util.ArrayList;
import java.util.List;

/** Collects paragraphs into a {@link Body}: whitespace collapsed, control characters dropped, "\n\n" between. */
public final class BodyBuilder {
    private final StringBuilder text;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    /** The raw and the collapsed chars of a paragraph: reused for every paragraph (two copies each before). */
    private char[] raw = new char[0];
    private char[] collapsed = new char[0];

    public BodyBuilder() {
        this(16);
    }

    /** @param expectedLength about how long the body will be (sizes the text once instead of growing it) */
    public BodyBuilder(int expectedLength) {
        text = new StringBuilder(Math.max(16, expectedLength));
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
            collapsed = new char[raw.length];
        }
    }

    /** Adds {@code raw[0, length)} as a paragraph. */
    private BodyBuilder addRaw(int length, boolean blockQuote) {
        int n = Whitespace.collapse(raw, length, collapsed);
        if (n == 0) {
            return this; // a blank paragraph adds nothing, not even its separator
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        int start = text.length();
        text.append(collapsed, 0, n);
        paragraphs.add(new Paragraph(start, text.length(), blockQuote));
        return this;
    }

    public Body build() {
        return new Body(text.toString(), paragraphs);
    }
}

package dev.statecraft.parser.text;

import java.util.ArrayList;
import java.util.List;

/** Collects paragraphs into a {@link Body}: whitespace collapsed, control characters dropped, "\n\n" between. */
public final class BodyBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<Paragraph> paragraphs = new ArrayList<>();

    public BodyBuilder add(CharSequence raw, boolean blockQuote) {
        int before = text.length();
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        int start = text.length();
        if (Whitespace.collapseInto(raw, text) == 0) {
            text.setLength(before); // a blank paragraph adds nothing, not even its separator
            return this;
        }
        paragraphs.add(new Paragraph(start, text.length(), blockQuote));
        return this;
    }

    public Body build() {
        return new Body(text.toString(), paragraphs);
    }
}

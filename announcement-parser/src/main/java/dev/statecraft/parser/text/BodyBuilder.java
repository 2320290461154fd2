package dev.statecraft.parser.text;

import java.util.ArrayList;
import java.util.List;

/** Collects paragraphs into a {@link Body}: whitespace collapsed, control characters dropped, "\n\n" between. */
public final class BodyBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<Paragraph> paragraphs = new ArrayList<>();

    public BodyBuilder add(CharSequence raw, boolean blockQuote) {
        String clean = Whitespace.collapse(raw);
        if (clean.isEmpty()) {
            return this;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        int start = text.length();
        text.append(clean);
        paragraphs.add(new Paragraph(start, text.length(), blockQuote));
        return this;
    }

    public Body build() {
        return new Body(text.toString(), paragraphs);
    }
}

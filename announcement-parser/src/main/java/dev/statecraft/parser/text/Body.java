package dev.statecraft.parser.text;

import java.util.List;

/** The normalised body text (paragraphs separated by a blank line) and where each paragraph lies in it. */
public record Body(String text, List<Paragraph> paragraphs) {
    public static final Body EMPTY = new Body("", List.of());

    public Body {
        paragraphs = List.copyOf(paragraphs);
    }
}

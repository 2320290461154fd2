package dev.statecraft.parser.text;

/**
 * One paragraph of the body text at [start, end). {@code blockQuote} marks paragraphs that the source set
 * apart as quoted speech (an HTML blockquote).
 */
public record Paragraph(int start, int end, boolean blockQuote) {
    public String text(String body) {
        return body.substring(start, end);
    }
}

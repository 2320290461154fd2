package dev.statecraft.parser;

/** How the content of a {@link ParserInput} is encoded; {@link #wire()} is the output's {@code format}. */
public enum InputFormat {
    TEXT("text"), HTML("html"), GOVUK_CONTENT("govuk-content");

    private final String wire;

    InputFormat(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}

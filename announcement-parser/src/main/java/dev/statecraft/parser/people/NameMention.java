package dev.statecraft.parser.people;

/**
 * A person's name in the text at [start, end). {@code key} is the full name once known; {@code surnameOnly}
 * marks a bare family name that still has to be resolved to a full name.
 */
record NameMention(int start, int end, String key, boolean surnameOnly) {
}

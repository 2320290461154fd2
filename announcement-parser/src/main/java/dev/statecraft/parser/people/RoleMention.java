package dev.statecraft.parser.people;

import dev.statecraft.model.Span;

/**
 * A title in the text at [start, end), e.g. "EU Presidents" (role "EU President", plural), and the
 * organisation it is held at when the text says so ("Head of Care at Diabetes UK"), else null.
 */
record RoleMention(int start, int end, String role, boolean plural, Span affiliation) {
}

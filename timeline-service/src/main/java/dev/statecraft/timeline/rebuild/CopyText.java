package dev.statecraft.timeline.rebuild;

import dev.statecraft.timeline.projection.EntryRow;
import java.nio.charset.StandardCharsets;

/**
 * A row as one line of PostgreSQL's COPY text format: tab-separated, {@code \N} for null, escapes for the rest.
 * Public for load-tests' read-model seed, which COPYs the same rows.
 */
public final class CopyText {
    private CopyText() {
    }

    /** Thrown for a value PostgreSQL cannot store (a NUL character): the record is skipped, not the whole COPY. */
    static final class Unstorable extends RuntimeException {
        Unstorable(String message) {
            super(message);
        }
    }

    /** The row's values, then {@code appliedAt}, in the order of {@link EntryRow#COLUMNS} plus applied_at. */
    public static byte[] line(EntryRow row, String appliedAt) {
        StringBuilder out = new StringBuilder(4096);
        for (String value : row.values()) {
            append(out, value);
            out.append('\t');
        }
        append(out, appliedAt);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        if (plain(value)) {
            out.append(value); // the common case: nothing to escape
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> throw new Unstorable("a NUL character, which PostgreSQL text cannot hold");
                default -> out.append(c);
            }
        }
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\0') {
                return false;
            }
        }
        return true;
    }
}

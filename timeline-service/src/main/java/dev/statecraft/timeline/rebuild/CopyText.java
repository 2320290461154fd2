package dev.statecraft.timeline.rebuild;

import dev.statecraft.timeline.projection.EntryRow;
import java.nio.charset.StandardCharsets;

/**
 * A row as one line of PostgreSQL's COPY text format: tab-separated, {@code \N} for null, escapes for the rest.
 * Public for load-tests' read-model seed, which COPYs the same rows. The rebuild COPYs the binary form
 * ({@link CopyBinary}), which CopyBinaryTest holds to this one value for value.
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

    /**
     * One pass over the value, copying the runs between characters to escape in bulk (a separate scan for
     * "anything to escape?" cost as much as the copy: JFR of a 1M rebuild).
     */
    private static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > '\r' && c != '\\') {
                continue; // the common case: nothing to escape
            }
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\0' -> throw new Unstorable("a NUL character, which PostgreSQL text cannot hold");
                default -> null; // another control character: COPY takes it as it is
            };
            if (escaped != null) {
                out.append(value, from, i).append(escaped);
                from = i + 1;
            }
        }
        out.append(value, from, value.length());
    }
}

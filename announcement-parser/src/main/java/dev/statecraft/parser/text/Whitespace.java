package dev.statecraft.parser.text;

/** Whitespace and control-character clean-up that every input format shares. */
public final class Whitespace {
    private Whitespace() {
    }

    /** Collapses runs of whitespace (including no-break and zero-width spaces) to one space and trims. */
    public static String collapse(CharSequence raw) {
        char[] out = new char[raw.length()];
        int n = collapse(raw, out);
        return new String(out, 0, n);
    }

    /**
     * As {@link #collapse(CharSequence)}, appended to {@code into}; returns how many chars it appended (none
     * for a blank text). Spares the string a caller would only copy on.
     */
    public static int collapseInto(CharSequence raw, StringBuilder into) {
        char[] out = new char[raw.length()];
        int n = collapse(raw, out);
        into.append(out, 0, n);
        return n;
    }

    /** The collapsed chars of {@code raw} in {@code out} (at least as long as raw); returns their number. */
    private static int collapse(CharSequence raw, char[] out) {
        int length = raw.length();
        char[] in = chars(raw);
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = in[i];
            if (c > ' ' && c < 0x7f) {
                // printable ASCII, by far the most common case
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                }
                out[n++] = c;
            } else if (isSpace(c)) {
                pendingSpace = n > 0;
            } else if (Character.isISOControl(c) || c == '\uFEFF' || c == '\u200B' || c == '\uFFFD'
                    || Character.getType(c) == Character.FORMAT) {
                // dropped: binary noise, byte-order marks, zero-width and bidi controls
                continue;
            } else if (Character.isSurrogate(c) && !validSurrogateAt(in, i)) {
                continue;
            } else {
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                }
                out[n++] = c;
            }
        }
        return n;
    }

    /** The chars in one bulk copy: array reads beat charAt per char, above all on UTF-16 text. */
    private static char[] chars(CharSequence raw) {
        char[] in = new char[raw.length()];
        if (raw instanceof String s) {
            s.getChars(0, in.length, in, 0);
        } else if (raw instanceof StringBuilder b) {
            b.getChars(0, in.length, in, 0);
        } else {
            for (int i = 0; i < in.length; i++) {
                in[i] = raw.charAt(i);
            }
        }
        return in;
    }

    private static boolean validSurrogateAt(char[] s, int i) {
        char c = s[i];
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length && Character.isLowSurrogate(s[i + 1]);
        }
        return i > 0 && Character.isHighSurrogate(s[i - 1]);
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }
}

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

    /** The collapsed chars of {@code raw} in {@code out} (at least as long as raw); returns their number. */
    private static int collapse(CharSequence raw, char[] out) {
        return collapse(chars(raw), raw.length(), out);
    }

    /**
     * The collapsed chars of {@code in[0, length)} in {@code out} (at least {@code length} long); returns their
     * number. Both arrays may be longer: a caller reuses them for many paragraphs.
     */
    static int collapse(char[] in, int length, char[] out) {
        return collapse(in, length, out, 0);
    }

    /**
     * As {@link #collapse(char[], int, char[])}, writing from {@code out[outStart]} (room for {@code length} chars
     * after it); returns where the collapsed chars end.
     */
    static int collapse(char[] in, int length, char[] out, int outStart) {
        int n = outStart;
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
                pendingSpace = n > outStart;
            } else if (Character.isISOControl(c) || c == '\uFEFF' || c == '\u200B' || c == '\uFFFD'
                    || Character.getType(c) == Character.FORMAT) {
                // dropped: binary noise, byte-order marks, zero-width and bidi controls
                continue;
            } else if (Character.isSurrogate(c) && !validSurrogateAt(in, length, i)) {
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
        getChars(raw, in);
        return in;
    }

    /** Copies the chars of {@code raw} to the start of {@code in} (at least as long). */
    static void getChars(CharSequence raw, char[] in) {
        if (raw instanceof String s) {
            s.getChars(0, s.length(), in, 0);
        } else if (raw instanceof StringBuilder b) {
            b.getChars(0, b.length(), in, 0);
        } else {
            for (int i = 0; i < raw.length(); i++) {
                in[i] = raw.charAt(i);
            }
        }
    }

    private static boolean validSurrogateAt(char[] s, int length, int i) {
        char c = s[i];
        if (Character.isHighSurrogate(c)) {
            return i + 1 < length && Character.isLowSurrogate(s[i + 1]);
        }
        return i > 0 && Character.isHighSurrogate(s[i - 1]);
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }
}

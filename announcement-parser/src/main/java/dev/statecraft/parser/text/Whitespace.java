package dev.statecraft.parser.text;

/** Whitespace and control-character clean-up that every input format shares. */
public final class Whitespace {
    private Whitespace() {
    }

    /** Collapses runs of whitespace (including no-break and zero-width spaces) to one space and trims. */
    public static String collapse(CharSequence raw) {
        int length = raw.length();
        char[] out = new char[length];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
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
            } else if (Character.isSurrogate(c) && !validSurrogateAt(raw, i)) {
                continue;
            } else {
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                }
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    private static boolean validSurrogateAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }
}

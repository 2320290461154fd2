package dev.statecraft.parser.text;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text. Hard-wrapped text (every line no longer than ~100 columns) is unwrapped: a line joins
 * the next unless it ends a sentence or a quote, is clearly shorter than the wrap width (and does not stop
 * mid-sentence), or the next line starts a list item. Text that is not hard-wrapped keeps one paragraph per line.
 */
public final class PlainTextReader {
    private static final int MAX_WRAP_WIDTH = 100;
    /** A wrapped line is at least this share of the widest line; shorter ones end their paragraph. */
    private static final double FULL_LINE_SHARE = 0.6;
    static final Pattern HEADER_LINE =
            Pattern.compile("^\\s*(Source|Published|Updated|Last updated|Date|URL)\\s*:\\s*(.*)$",
                    Pattern.CASE_INSENSITIVE);
    /** "Published 31 January 2018" on a line of its own. */
    static final Pattern PUBLISHED_DATELINE = Pattern.compile("^\\s*(?:First published|Published|Updated"
            + "|Last updated)(?: on)?\\s+(\\d{1,2}(?:st|nd|rd|th)? \\p{L}+ \\d{4}|\\p{L}+ \\d{1,2},? \\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2})\\.?\\s*$", Pattern.CASE_INSENSITIVE);
    /** GOV.UK page furniture kept by some scrapers: " date 2018-01-31 News story". */
    static final Pattern DATE_FURNITURE = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b.*$");

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-•*–·]|\\d{1,2}[.)])\\s+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private PlainTextReader() {
    }

    public static SourceDocument read(String content) {
        Lines lines = Lines.of(content);
        int first = 0;
        String published = null;
        String sourceUrl = null;
        while (first < lines.count) {
            if (lines.isBlank(first)) {
                first++;
                continue;
            }
            if (!mayBeHeader(lines, first)) {
                break; // none of the three patterns below can match: no line cut out, no matchers made
            }
            String line = lines.text(first);
            Matcher header = HEADER_LINE.matcher(line);
            Matcher furniture = DATE_FURNITURE.matcher(line);
            Matcher dateline = PUBLISHED_DATELINE.matcher(line);
            if (header.matches()) {
                String key = header.group(1).toLowerCase();
                String value = header.group(2).trim();
                if (key.startsWith("source") || key.equals("url")) {
                    Matcher url = URL.matcher(value);
                    sourceUrl = url.find() ? url.group() : sourceUrl;
                } else if (published == null) {
                    published = value;
                }
                first++;
            } else if (dateline.matches()) {
                published = published == null ? dateline.group(1) : published;
                first++;
            } else if (furniture.matches()) {
                published = published == null ? furniture.group(1) : published;
                first++;
            } else {
                break;
            }
        }
        // "Published 24 February 2025" right under the heading is page furniture too, not a date of the story.
        int furnitureLine = -1;
        for (int i = first + 1, seen = 0; i < lines.count && seen < 2; i++) {
            if (lines.isBlank(i)) {
                continue;
            }
            seen++;
            if (!mayBeHeader(lines, i)) {
                continue;
            }
            String line = lines.text(i);
            Matcher dateline = PUBLISHED_DATELINE.matcher(line);
            Matcher header = HEADER_LINE.matcher(line);
            if (dateline.matches()) {
                published = published == null ? dateline.group(1) : published;
                furnitureLine = i;
                break;
            }
            if (header.matches() && header.group(1).toLowerCase().matches("published|updated|last updated|date")) {
                published = published == null ? header.group(2).trim() : published;
                furnitureLine = i;
                break;
            }
        }
        return SourceDocument.of(null, unwrap(lines, first, furnitureLine), published, sourceUrl, "text");
    }

    /**
     * Whether {@link #HEADER_LINE}, {@link #PUBLISHED_DATELINE} or {@link #DATE_FURNITURE} can match the line:
     * after leading {@code \s} its first char begins one of their words (Source, Published, Updated, Last
     * updated, Date, URL, First published, date; ASCII case-insensitive). Most lines open otherwise.
     */
    static boolean mayBeHeader(Lines lines, int line) {
        int i = lines.starts[line];
        while (i < lines.ends[line] && " \t\n\u000B\f\r".indexOf(lines.chars[i]) >= 0) {
            i++;
        }
        return i < lines.ends[line] && "sSpPuUlLdDfF".indexOf(lines.chars[i]) >= 0;
    }

    /**
     * The lines of a text ({@code \r\n}, {@code \r} and {@code \n} end one) as offsets into one char array, with
     * their bounds without leading and trailing whitespace ({@link String#strip}): the body is read from these
     * ranges, not from a string per line (cutting out, stripping and re-joining each line was ~10 % of a parse).
     */
    static final class Lines {
        final char[] chars;
        final int[] starts;
        final int[] ends;
        final int count;

        private Lines(char[] chars, int[] starts, int[] ends, int count) {
            this.chars = chars;
            this.starts = starts;
            this.ends = ends;
            this.count = count;
        }

        static Lines of(String content) {
            char[] chars = content.toCharArray();
            int[] starts = new int[16];
            int[] ends = new int[16];
            int count = 0;
            int lineStart = 0;
            for (int i = 0; i <= chars.length; i++) {
                boolean end = i == chars.length || chars[i] == '\n' || chars[i] == '\r';
                if (!end) {
                    continue;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = lineStart;
                ends[count++] = i;
                if (i + 1 < chars.length && chars[i] == '\r' && chars[i + 1] == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
            return new Lines(chars, starts, ends, count);
        }

        String text(int line) {
            return new String(chars, starts[line], ends[line] - starts[line]);
        }

        /** The line without trailing whitespace, as {@link String#stripTrailing}. */
        String textStrippedTrailing(int line) {
            return new String(chars, starts[line], strippedEnd(line) - starts[line]);
        }

        boolean isBlank(int line) {
            return strippedStart(line) == ends[line];
        }

        /** First char that is no {@link Character#isWhitespace} (a surrogate never is, as for code points). */
        int strippedStart(int line) {
            int i = starts[line];
            while (i < ends[line] && Character.isWhitespace(chars[i])) {
                i++;
            }
            return i;
        }

        int strippedEnd(int line) {
            int i = ends[line];
            while (i > starts[line] && Character.isWhitespace(chars[i - 1])) {
                i--;
            }
            return i;
        }
    }

    /** The body of lines {@code [first, count)} but {@code skipped}: paragraphs as described in the class. */
    static Body unwrap(Lines lines, int first, int skipped) {
        int n = lines.count - first - (skipped >= first ? 1 : 0);
        int[] lineIndex = new int[Math.max(0, n)];
        int[] starts = new int[lineIndex.length];
        int[] ends = new int[lineIndex.length];
        int width = 0;
        int total = 0;
        for (int i = first, k = 0; i < lines.count; i++) {
            if (i == skipped) {
                continue;
            }
            lineIndex[k] = i;
            starts[k] = lines.strippedStart(i);
            ends[k] = Math.max(starts[k], lines.strippedEnd(i));
            width = Math.max(width, ends[k] - starts[k]);
            total += ends[k] - lines.starts[i] + 1;
            k++;
        }
        boolean hardWrapped = width <= MAX_WRAP_WIDTH;
        char[] chars = lines.chars;
        BodyBuilder body = new BodyBuilder(total);
        Matcher listItem = LIST_ITEM.matcher(""); // reset per line: one matcher, not one per line
        int paragraphFirst = 0; // first line of the paragraph being read
        for (int k = 0; k < n; k++) {
            int length = ends[k] - starts[k];
            if (length == 0) {
                body.addLines(chars, starts, ends, paragraphFirst, k, false);
                paragraphFirst = k + 1;
                continue;
            }
            boolean continues = hardWrapped
                    && !endsParagraph(chars, starts[k], ends[k])
                    && (length >= FULL_LINE_SHARE * width || k + 1 < n && midSentence(chars, ends[k], starts[k + 1],
                            ends[k + 1]))
                    && !(k + 1 < n && mayStartListItem(chars, lines.starts[lineIndex[k + 1]], ends[k + 1])
                            && listItem.reset(lines.textStrippedTrailing(lineIndex[k + 1])).find());
            if (!continues) {
                body.addLines(chars, starts, ends, paragraphFirst, k + 1, false);
                paragraphFirst = k + 1;
            }
        }
        body.addLines(chars, starts, ends, paragraphFirst, n, false);
        return body.build();
    }

    /**
     * Whether {@link #LIST_ITEM} can match the line {@code chars[start, end)}: its first char after leading
     * {@code \s} is a bullet or a digit. Most lines open with a letter, and this spares them the regex.
     */
    private static boolean mayStartListItem(char[] chars, int start, int end) {
        int i = start;
        while (i < end && " \t\n\u000B\f\r".indexOf(chars[i]) >= 0) {
            i++;
        }
        if (i == end) {
            return false;
        }
        char c = chars[i];
        return c >= '0' && c <= '9' || "-•*–·".indexOf(c) >= 0;
    }

    /**
     * A short wrapped line still runs on when it stops mid-sentence: it ends in a comma or semicolon ("Kenya's
     * Cabinet Secretary for Foreign Affairs,") or the next line, {@code chars[nextStart, nextEnd)}, goes on in
     * lower case.
     */
    private static boolean midSentence(char[] chars, int end, int nextStart, int nextEnd) {
        if (nextEnd <= nextStart) {
            return false;
        }
        char last = chars[end - 1];
        return last == ',' || last == ';' || Character.isLowerCase(chars[nextStart]);
    }

    /**
     * A stripped, non-empty line {@code chars[start, end)} ending a sentence ("."/"!"/"?"/":", maybe before
     * closing marks) or a quote ends its paragraph.
     */
    private static boolean endsParagraph(char[] chars, int start, int end) {
        char last = chars[end - 1];
        if (last == '”' || last == '"') {
            return true;
        }
        int i = end - 1;
        while (i > start && "\"”’')]".indexOf(chars[i]) >= 0) {
            i--;
        }
        return ".!?:".indexOf(chars[i]) >= 0;
    }
}

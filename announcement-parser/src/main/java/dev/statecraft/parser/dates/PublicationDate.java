package dev.statecraft.parser.dates;

import dev.statecraft.parser.text.Anchors;
import dev.statecraft.parser.text.Body;
import dev.statecraft.parser.text.Paragraph;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a document was published. Metadata wins; then a date the text states (a "Published:" header, a
 * dateline, "today (Tuesday 18 March)"); then the ingest date. Only metadata counts as not inferred.
 */
public record PublicationDate(Instant instant, boolean inferred) {
    /** Datelines are looked for only in the first few, short paragraphs. */
    private static final int DATELINE_PARAGRAPHS = 4;
    private static final int DATELINE_MAX_LENGTH = 120;
    private static final Pattern PUBLISHED_LINE = Pattern.compile(
            "\\b(?:Published|First published|Updated|Last updated)\\s*(?:on\\s*)?:?\\s*(.{6,40})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATELINE_PLACE = Pattern.compile("(?:[\\p{L} .'’-]{1,40},\\s*)?");

    public LocalDate date() {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public static PublicationDate of(LocalDate explicit, Instant metadata, String publishedLine, Body body,
            Instant ingestedAt) {
        if (explicit != null) {
            return atMidnight(explicit, false);
        }
        if (metadata != null) {
            return new PublicationDate(metadata, false);
        }
        LocalDate ingestDate = ingestedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        Optional<LocalDate> stated = Optional.ofNullable(publishedLine).flatMap(PublicationDate::fullDate)
                .or(() -> dateline(body))
                .or(() -> todayWithDate(body.text(), ingestDate));
        return atMidnight(stated.orElse(ingestDate), true);
    }

    private static PublicationDate atMidnight(LocalDate date, boolean inferred) {
        return new PublicationDate(date.atStartOfDay().toInstant(ZoneOffset.UTC), inferred);
    }

    /** A date that needs no reference: ISO date or date-time, "31 January 2018", "July 8, 2005". */
    static Optional<LocalDate> fullDate(String text) {
        String s = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(s).toLocalDate());
        } catch (DateTimeParseException ignored) {
            // not a timestamp; try the written forms
        }
        Matcher iso = DatePatterns.ISO_DATE.matcher(s);
        if (iso.find()) {
            return Calendar.date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        }
        Matcher dm = DatePatterns.DAY_MONTH.matcher(s);
        if (dm.find() && dm.group(4) != null) {
            return Calendar.date(Integer.parseInt(dm.group(4)), Calendar.month(dm.group(3)),
                    Integer.parseInt(dm.group(2)));
        }
        Matcher md = DatePatterns.MONTH_DAY.matcher(s);
        if (md.find() && md.group(4) != null) {
            return Calendar.date(Integer.parseInt(md.group(4)), Calendar.month(md.group(2)),
                    Integer.parseInt(md.group(3)));
        }
        return Optional.empty();
    }

    /** "Published 31 January 2018", or a short line such as "Gleneagles, July 8, 2005 (final press conference)". */
    private static Optional<LocalDate> dateline(Body body) {
        int n = Math.min(DATELINE_PARAGRAPHS, body.paragraphs().size());
        for (int i = 0; i < n; i++) {
            Paragraph p = body.paragraphs().get(i);
            String text = p.text(body.text());
            if (containsAsciiIgnoreCase(text, "published") || containsAsciiIgnoreCase(text, "updated")) {
                Matcher published = PUBLISHED_LINE.matcher(text);
                if (published.find()) {
                    Optional<LocalDate> date = fullDate(published.group(1));
                    if (date.isPresent()) {
                        return date;
                    }
                }
            }
            if (text.length() <= DATELINE_MAX_LENGTH) {
                Optional<LocalDate> date = leadingDate(text);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code text.toLowerCase(Locale.ROOT)} contains the lower-case ASCII {@code word}, found in place (a
     * whole paragraph was lower-cased for it): only ASCII letters lower-case to these letters ("published",
     * "updated"; the dotted capital I becomes two chars, "i" and a combining dot, so it never stands for an "i").
     */
    static boolean containsAsciiIgnoreCase(String text, String word) {
        // The word's first letter in either case is found by String.indexOf (vectorised), the rest checked there:
        // a char-by-char walk of the first paragraphs cost ~2 % of a seed parse in JFR.
        char lower = word.charAt(0);
        return containsFrom(text, word, lower) || containsFrom(text, word, (char) (lower - ('a' - 'A')));
    }

    /** Whether {@code word} in any ASCII case occurs where its first letter is {@code first}. */
    private static boolean containsFrom(String text, String word, char first) {
        int last = text.length() - word.length();
        for (int i = text.indexOf(first); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
            int k = 1;
            while (k < word.length() && asciiLower(text.charAt(i + k)) == word.charAt(k)) {
                k++;
            }
            if (k == word.length()) {
                return true;
            }
        }
        return false;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** A full date that opens the line, or follows a place and a comma: "London, 3 May 2024". */
    private static Optional<LocalDate> leadingDate(String line) {
        if (!hasDigit(line)) {
            return Optional.empty(); // each pattern needs a number: no find over the line
        }
        for (Pattern pattern : new Pattern[] {DatePatterns.DAY_MONTH, DatePatterns.MONTH_DAY, DatePatterns.ISO_DATE}) {
            Matcher m = pattern.matcher(line);
            if (m.find() && DATELINE_PLACE.matcher(line.substring(0, m.start())).matches()) {
                Optional<LocalDate> date = fullDate(line.substring(m.start()));
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code line} holds an ASCII digit, as each {@code \d} of the date patterns needs. */
    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Where "today" occurs from {@code from} on in {@code text} lower-cased ({@code lower} when given). */
    static int today(String text, String lower, int from) {
        if (lower != null) {
            return lower.indexOf("today", from);
        }
        // Only the ASCII letters lower-case to these (the dotted I, the one exception, is ruled out above). The
        // "t" and "T" are found by String.indexOf (vectorised), the rest checked there.
        int last = text.length() - 5;
        int i = Math.max(0, from);
        int lowerT = text.indexOf('t', i);
        int upperT = text.indexOf('T', i);
        while (lowerT >= 0 || upperT >= 0) {
            boolean lowerFirst = upperT < 0 || lowerT >= 0 && lowerT < upperT;
            i = lowerFirst ? lowerT : upperT;
            if (i > last) {
                return -1;
            }
            if ((text.charAt(i + 1) | 0x20) == 'o' && (text.charAt(i + 2) | 0x20) == 'd'
                    && (text.charAt(i + 3) | 0x20) == 'a' && (text.charAt(i + 4) | 0x20) == 'y') {
                return i;
            }
            if (lowerFirst) {
                lowerT = text.indexOf('t', i + 1);
            } else {
                upperT = text.indexOf('T', i + 1);
            }
        }
        return -1;
    }

    /**
     * "today (Tuesday 18 March)": the year nearest the ingest date, not after it, in which the day falls on that
     * weekday; "today (28 December 2016)" states it outright.
     */
    private static Optional<LocalDate> todayWithDate(String text, LocalDate ingestDate) {
        // Lower-casing keeps offsets unless the text has a dotted capital I (two chars in lower case): only then
        // is the whole text lower-cased; otherwise "today" is found in any ASCII case in place.
        String lower = text.indexOf('\u0130') >= 0 ? text.toLowerCase(java.util.Locale.ROOT) : null;
        Matcher matcher = null;
        for (int at = today(text, lower, 0); at >= 0; at = today(text, lower, at + 1)) {
            // The hand-written scanner of the pattern; the pattern itself only where the scanner cannot tell.
            MatchResult m = DateScanners.todayWithDate(text, at, text.length());
            if (m == Anchors.UNSURE) {
                if (matcher == null) {
                    matcher = DatePatterns.TODAY_WITH_DATE.matcher(text).useTransparentBounds(true);
                }
                m = matcher.region(at, text.length()).lookingAt() ? matcher : null;
            }
            if (m == null) {
                continue;
            }
            int month = Calendar.month(m.group(4));
            int day = Integer.parseInt(m.group(3));
            if (m.group(5) != null) {
                Optional<LocalDate> date = Calendar.date(Integer.parseInt(m.group(5)), month, day);
                if (date.isPresent()) {
                    return date;
                }
            } else if (m.group(2) != null && month > 0) {
                Optional<LocalDate> date = Calendar.nearestWithWeekday(month, day, Calendar.weekday(m.group(2)),
                        ingestDate, true);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }
}

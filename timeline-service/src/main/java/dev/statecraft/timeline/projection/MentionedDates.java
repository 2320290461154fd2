package dev.statecraft.timeline.projection;

import dev.statecraft.model.DateMention;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates an announcement mentions as a {@code datemultirange} literal, each date as the range its precision
 * covers ({@code 2025-05} is all of May): what the SQL function {@code timeline_mentioned_dates} (V2) computed
 * per row in the database, now in the projection. As there, a date that is no calendar date is left out;
 * PostgreSQL merges overlapping ranges when it reads the literal.
 */
public final class MentionedDates {
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private MentionedDates() {
    }

    /** One mentioned date as the days it covers: {@code [first, end)}. */
    public record Range(LocalDate first, LocalDate end) {
    }

    static String literal(List<DateMention> dates) {
        return literalOf(ranges(dates));
    }

    /** The ranges in the order of the mentions, as the literal lists them (PostgreSQL sorts and merges). */
    static List<Range> ranges(List<DateMention> dates) {
        List<Range> ranges = new ArrayList<>(dates.size());
        for (DateMention mention : dates) {
            String d = mention == null ? null : mention.date();
            Matcher m = d == null ? null : DATE.matcher(d);
            if (m == null || !m.matches()) {
                continue;
            }
            try {
                int year = Integer.parseInt(m.group(1));
                if (year < 1) {
                    continue; // PostgreSQL has no year 0000
                }
                LocalDate first;
                LocalDate end;
                if (m.group(3) != null) {
                    first = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    end = first.plusDays(1);
                } else if (m.group(2) != null) {
                    first = LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
                    end = first.plusMonths(1);
                } else {
                    first = LocalDate.of(year, 1, 1);
                    end = first.plusYears(1);
                }
                ranges.add(new Range(first, end));
            } catch (DateTimeException e) {
                // not a calendar date (2025-02-30, 2025-13): left out
            }
        }
        return ranges;
    }

    static String literalOf(List<Range> ranges) {
        StringBuilder out = new StringBuilder("{");
        for (Range r : ranges) {
            out.append(out.length() == 1 ? "" : ",").append('[').append(iso(r.first())).append(',')
                    .append(iso(r.end())).append(')');
        }
        return out.append('}').toString();
    }

    /** yyyy-mm-dd, also for year 10000 (LocalDate.toString would write +10000). */
    private static String iso(LocalDate d) {
        // by hand: String.format was most of this class's cost in a 1M rebuild (JFR)
        StringBuilder out = new StringBuilder(10);
        pad(out, d.getYear(), 4).append('-');
        pad(out, d.getMonthValue(), 2).append('-');
        return pad(out, d.getDayOfMonth(), 2).toString();
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}

package dev.statecraft.parser.engagements;

import dev.statecraft.parser.text.Sentences;
import dev.statecraft.model.DateMention;
import dev.statecraft.model.Engagement;
import dev.statecraft.model.Kind;
import dev.statecraft.model.LocationMention;
import dev.statecraft.model.Precision;
import dev.statecraft.model.Span;
import dev.statecraft.parser.text.Body;
import dev.statecraft.parser.text.Paragraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visits, meetings and summits: the one the announcement reports (from its kind and lead) and the named
 * events it mentions ("UK-EU Summit", "UK-China Strategic Dialogue"), each with the date and place its
 * sentence gives.
 */
public final class EngagementExtractor {
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\d'’-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MEETING_TOPIC = Pattern.compile(" on \\p{Lu}[\\p{L}-]+");
    private static final Set<String> LEADING_NOISE = Set.of("The", "A", "An", "This", "Ahead", "At", "In", "On",
            "During", "After", "Before", "Following", "Our", "Their", "Its", "His", "Her", "Next", "Last");
    private static final int MAX_TITLE = 100;
    private static final Pattern ENGAGEMENT_CUE = Pattern.compile("\\b(?:summit|visit(?:s|ed|ing)?"
            + "|travel(?:s|led|ling)? (?:on )?to|meet(?:s|ing)?|met|talks|conference|signed|hosted)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Sentences are looked for within this many characters of an event's name. */
    private static final int SENTENCE_REACH = 1_000;
    private static final List<String> EVENT_WORDS = List.of("Summit", "Dialogue", "Conference", "Forum",
            "Ministerial", "Meeting");

    private EngagementExtractor() {
    }

    public static List<Engagement> extract(Body body, Kind kind, String title, String leadPerson,
            List<DateMention> dates, List<LocationMention> locations, String publishedDate) {
        String text = body.text();
        Map<String, Engagement> engagements = new LinkedHashMap<>();
        if (kind == Kind.VISIT || kind == Kind.MEETING || kind == Kind.SUMMIT) {
            int leadEnd = body.paragraphs().isEmpty() ? 0 : leadEnd(body);
            String date = firstDayIn(dates, 0, leadEnd);
            String place = firstPlaceIn(locations, 0, leadEnd);
            String name = mainTitle(kind, title, leadPerson, place);
            engagements.put(name, new Engagement(kind, name, date != null ? date : publishedDate, place));
        }
        for (int[] event : namedEvents(text)) {
            String name = stripLeadingNoise(text.substring(event[0], event[1]));
            if (name.indexOf(' ') < 0 || engagements.containsKey(name)) {
                continue;
            }
            int[] sentence = sentenceAround(text, event[0]);
            Kind eventKind = name.endsWith("Summit") ? Kind.SUMMIT : Kind.MEETING;
            String date = firstDateIn(dates, event[1], nextEventStart(text, event[1], sentence[1]));
            String place = firstPlaceIn(locations, sentence[0], sentence[1]);
            engagements.put(name, new Engagement(eventKind, name, date, place));
        }
        mentionedEngagements(body, dates, locations, engagements);
        return new ArrayList<>(engagements.values());
    }

    /**
     * Visits, meetings and summits told in a sentence with both a place and a date ("will travel on to Riga on
     * Friday", "talks … in London last week", "signed … at Chequers today"), unless one with that date and place
     * is already known. The title is the sentence, trimmed.
     */
    private static void mentionedEngagements(Body body, List<DateMention> dates, List<LocationMention> locations,
            Map<String, Engagement> engagements) {
        String text = body.text();
        Set<String> known = new HashSet<>();
        engagements.values().forEach(e -> known.add(e.date() + "|" + e.place()));
        Matcher cue = ENGAGEMENT_CUE.matcher(text);
        for (Paragraph p : body.paragraphs()) {
            if (!cue.region(p.start(), p.end()).find()) {
                continue;
            }
            for (int[] s : Sentences.split(text, p.start(), p.end())) {
                if (!cue.region(s[0], s[1]).find()) {
                    continue;
                }
                String word = cue.group().toLowerCase(Locale.ROOT);
                Kind kind = word.startsWith("summit") ? Kind.SUMMIT
                        : word.startsWith("visit") || word.startsWith("travel") ? Kind.VISIT : Kind.MEETING;
                String place = firstPlaceIn(locations, s[0], s[1]);
                String date = firstDateIn(dates, s[0], s[1]);
                if (place == null || date == null || !known.add(date + "|" + place)) {
                    continue;
                }
                String title = text.substring(s[0], Math.min(s[1], s[0] + MAX_TITLE)).strip();
                engagements.putIfAbsent(title, new Engagement(kind, title, date, place));
            }
        }
    }

    /**
     * Named events: up to five capitalised words before an event word ("UK-EU Summit", "UK-China Strategic
     * Dialogue"), plus "on X" after a meeting ("Leaders' Meeting on Ukraine"). Found from the event words
     * backwards, so the text is not scanned word by word.
     */
    private static List<int[]> namedEvents(String text) {
        List<int[]> events = new ArrayList<>();
        for (String word : EVENT_WORDS) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                int end = at + word.length();
                if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    continue;
                }
                int start = at;
                for (int words = 0; words < 5; words++) {
                    int wordEnd = start - 1;
                    if (wordEnd <= 0 || text.charAt(wordEnd) != ' ') {
                        break;
                    }
                    int wordStart = wordEnd;
                    while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
                        wordStart--;
                    }
                    if (wordStart == wordEnd || !Character.isUpperCase(text.charAt(wordStart))
                            || !NAME_WORD.matcher(text).region(wordStart, wordEnd).matches()) {
                        break;
                    }
                    start = wordStart;
                }
                Matcher on = MEETING_TOPIC.matcher(text).region(end, Math.min(text.length(), end + 40));
                if (word.equals("Meeting") && on.lookingAt()) {
                    end = on.end();
                }
                if (start < at) {
                    events.add(new int[] {start, end});
                }
            }
        }
        events.sort((a, b) -> Integer.compare(a[0], b[0]));
        return events;
    }

    private static String mainTitle(Kind kind, String title, String person, String place) {
        if (title != null && title.length() <= MAX_TITLE) {
            return title;
        }
        if (kind == Kind.VISIT && person != null && place != null) {
            return person + " visits " + place;
        }
        if (title == null) {
            return kind.wire();
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE);
        return title.substring(0, cut > 0 ? cut : MAX_TITLE) + "…";
    }

    /** The lead: the first paragraph of some length (headings and datelines are skipped). */
    private static int leadEnd(Body body) {
        for (Paragraph p : body.paragraphs()) {
            if (p.end() - p.start() >= 80) {
                return p.end();
            }
        }
        return body.paragraphs().get(body.paragraphs().size() - 1).end();
    }

    private static String stripLeadingNoise(String name) {
        String[] words = SPACES.split(name.strip());
        int i = 0;
        while (i < words.length - 1 && LEADING_NOISE.contains(words[i])) {
            i++;
        }
        return String.join(" ", Arrays.copyOfRange(words, i, words.length));
    }

    private static int nextEventStart(String text, int from, int sentenceEnd) {
        String rest = text.substring(from, Math.max(from, sentenceEnd));
        int next = sentenceEnd;
        for (String word : EVENT_WORDS) {
            int at = rest.indexOf(word);
            if (at >= 0 && from + at < next) {
                next = from + at;
            }
        }
        return next;
    }

    /** The sentence around an offset: from after ". " or a line break to the next ". " or line break. */
    private static int[] sentenceAround(String text, int offset) {
        int start = offset;
        int startLimit = Math.max(0, offset - SENTENCE_REACH);
        while (start > startLimit && text.charAt(start - 1) != '\n'
                && !(start >= 2 && text.charAt(start - 1) == ' ' && text.charAt(start - 2) == '.')) {
            start--;
        }
        int end = offset;
        int endLimit = Math.min(text.length(), offset + SENTENCE_REACH);
        while (end < endLimit && text.charAt(end) != '\n'
                && !(text.charAt(end) == '.' && (end + 1 == text.length() || text.charAt(end + 1) == ' '))) {
            end++;
        }
        return new int[] {start, end};
    }

    private static String firstDayIn(List<DateMention> dates, int from, int to) {
        for (DateMention d : dates) {
            if (d.precision() == Precision.DAY && within(d.spans(), from, to)) {
                return d.date();
            }
        }
        return null;
    }

    private static String firstDateIn(List<DateMention> dates, int from, int to) {
        DateMention best = null;
        int bestStart = Integer.MAX_VALUE;
        for (DateMention d : dates) {
            for (Span s : d.spans()) {
                if (s.start() >= from && s.end() <= to && s.start() < bestStart) {
                    best = d;
                    bestStart = s.start();
                }
            }
        }
        return best == null ? null : best.date();
    }

    private static String firstPlaceIn(List<LocationMention> locations, int from, int to) {
        String best = null;
        int bestStart = Integer.MAX_VALUE;
        for (LocationMention l : locations) {
            for (Span s : l.spans()) {
                if (s.start() >= from && s.end() <= to && s.start() < bestStart) {
                    best = l.name();
                    bestStart = s.start();
                }
            }
        }
        return best;
    }

    private static boolean within(List<Span> spans, int from, int to) {
        return spans.stream().anyMatch(s -> s.start() >= from && s.end() <= to);
    }
}

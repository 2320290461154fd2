package dev.statecraft.parser.engagements;

import dev.statecraft.parser.text.Sentences;
import dev.statecraft.model.DateMention;
import dev.statecraft.model.Engagement;
import dev.statecraft.model.Kind;
import dev.statecraft.model.LocationMention;
import dev.statecraft.model.Precision;
import dev.statecraft.model.Span;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.WordTrie;
import dev.statecraft.parser.text.Body;
import dev.statecraft.parser.text.Paragraph;
import dev.statecraft.parser.text.SearchView;
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
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MEETING_TOPIC = Pattern.compile(" on \\p{Lu}[\\p{L}-]+");
    private static final Set<String> LEADING_NOISE = Set.of("The", "A", "An", "This", "Ahead", "At", "In", "On",
            "During", "After", "Before", "Following", "Our", "Their", "Its", "His", "Her", "Next", "Last");
    private static final int MAX_TITLE = 100;
    static final Pattern ENGAGEMENT_CUE = Pattern.compile("\\b(?:summit|visit(?:s|ed|ing)?"
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
        char[] chars = body.text().toCharArray();
        char[] folded = Gazetteer.foldChars(body.text());
        return extract(body, chars, folded, WordTrie.wordStarts(folded), SearchView.of(chars), kind, title,
                leadPerson, dates, locations, publishedDate);
    }

    /**
     * As above, with {@code chars} the body text's chars, {@code folded} them folded by {@link Gazetteer#foldChars}
     * (same offsets), {@code wordStarts} the {@link WordTrie#wordStarts} of folded (where the cue stems are looked
     * for) and {@code textSearch} the {@link SearchView} of the text (where the event words are looked for).
     */
    public static List<Engagement> extract(Body body, char[] chars, char[] folded, int[] wordStarts,
            String textSearch, Kind kind, String title, String leadPerson, List<DateMention> dates,
            List<LocationMention> locations, String publishedDate) {
        String text = body.text();
        Map<String, Engagement> engagements = new LinkedHashMap<>();
        if (kind == Kind.VISIT || kind == Kind.MEETING || kind == Kind.SUMMIT) {
            int leadEnd = body.paragraphs().isEmpty() ? 0 : leadEnd(body);
            String date = firstDayIn(dates, 0, leadEnd);
            String place = firstPlaceIn(locations, 0, leadEnd);
            String name = mainTitle(kind, title, leadPerson, place);
            engagements.put(name, new Engagement(kind, name, date != null ? date : publishedDate, place));
        }
        for (int[] event : namedEvents(text, textSearch)) {
            String name = stripLeadingNoise(text.substring(event[0], event[1]));
            if (name.indexOf(' ') < 0 || engagements.containsKey(name)) {
                continue;
            }
            int[] sentence = sentenceAround(chars, event[0]);
            Kind eventKind = name.endsWith("Summit") ? Kind.SUMMIT : Kind.MEETING;
            String date = firstDateIn(dates, event[1], nextEventStart(text, event[1], sentence[1]));
            String place = firstPlaceIn(locations, sentence[0], sentence[1]);
            engagements.put(name, new Engagement(eventKind, name, date, place));
        }
        mentionedEngagements(body, new CueFinder(body.text(), folded, wordStarts), dates, locations, engagements);
        return new ArrayList<>(engagements.values());
    }

    /**
     * Visits, meetings and summits told in a sentence with both a place and a date ("will travel on to Riga on
     * Friday", "talks … in London last week", "signed … at Chequers today"), unless one with that date and place
     * is already known. The title is the sentence, trimmed.
     */
    private static void mentionedEngagements(Body body, CueFinder cues, List<DateMention> dates,
            List<LocationMention> locations, Map<String, Engagement> engagements) {
        String text = body.text();
        Set<String> known = new HashSet<>();
        engagements.values().forEach(e -> known.add(e.date() + "|" + e.place()));
        for (Paragraph p : body.paragraphs()) {
            if (cues.find(p.start(), p.end()) == null) {
                continue;
            }
            for (int[] s : Sentences.split(text, p.start(), p.end())) {
                Matcher cue = cues.find(s[0], s[1]);
                if (cue == null) {
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
     * {@link #ENGAGEMENT_CUE} found in a region exactly as {@code region(from, to).find()} would, but cheaply: the
     * stems at word starts are found once from the word starts shared by the scans of the text (nine
     * {@code indexOf} passes over the whole text before), and the pattern is tried only at those stems (and at the
     * region's start) instead of at every char after the first stem: a stem that begins no cue ("meetings",
     * "metres", "travel across") no longer sends the search through the rest of the paragraph.
     */
    static final class CueFinder {
        private final String text;
        private final char[] folded;
        /** Stems at word starts, sorted: starts[i] and ends[i]. */
        private final int[] starts;
        private final int[] ends;
        private final int count;
        private final Matcher opaque;
        private final Matcher transparent;

        CueFinder(String text, char[] folded, int[] wordStarts) {
            this.text = text;
            this.folded = folded;
            int[] starts = new int[16];
            int[] ends = new int[16];
            int n = 0;
            for (int at : wordStarts) {
                int length = stemAt(folded, at);
                if (length > 0) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * n);
                        ends = Arrays.copyOf(ends, 2 * n);
                    }
                    starts[n] = at;
                    ends[n++] = at + length;
                }
            }
            this.starts = starts;
            this.ends = ends;
            this.count = n;
            this.opaque = ENGAGEMENT_CUE.matcher(text);
            this.transparent = ENGAGEMENT_CUE.matcher(text).useTransparentBounds(true);
        }

        /**
         * The matcher positioned on the first cue in {@code [from, to)}, or null if there is none; {@code from} is
         * the start of the text or follows whitespace (a paragraph or a sentence).
         */
        Matcher find(int from, int to) {
            // Every match starts with a stem at a word start (or at the region start). With transparent bounds
            // \b sees the chars around the region: the same as the default opaque bounds for a region that
            // starts inside [from, to) and ends where it does, at whitespace or the end of the text.
            if (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
                int first = firstStem(from, to);
                return first >= 0 && opaque.region(from, to).find() ? opaque : null;
            }
            if (from < to) {
                int length = stemAt(folded, from);
                if (length > 0 && from + length <= to && opaque.region(from, to).lookingAt()) {
                    return opaque;
                }
            }
            for (int i = firstStartingAtOrAfter(from + 1); i < count && starts[i] < to; i++) {
                if (ends[i] <= to && transparent.region(starts[i], to).lookingAt()) {
                    return transparent;
                }
            }
            return null;
        }

        private int firstStem(int from, int to) {
            if (from < to) {
                int length = stemAt(folded, from);
                if (length > 0 && from + length <= to) {
                    return from; // a region may start inside a word
                }
            }
            for (int i = firstStartingAtOrAfter(from); i < count && starts[i] < to; i++) {
                if (ends[i] <= to) {
                    return starts[i];
                }
            }
            return -1;
        }

        /** Index of the first stem starting at or after {@code offset}. */
        private int firstStartingAtOrAfter(int offset) {
            int low = 0;
            int high = count;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (starts[mid] < offset) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /**
     * The length of the cue stem that {@code folded} holds at {@code at}, or 0. Every {@link #ENGAGEMENT_CUE}
     * match starts with one of the stems summit, visit, travel, meet, met, talks, conference, signed, hosted (lower
     * case, as in the folded text); the one a word's first chars can begin is picked by a switch (a loop over the
     * nine stems at every word start cost more than the nine {@code indexOf} passes it replaced).
     */
    static int stemAt(char[] folded, int at) {
        int n = folded.length;
        String stem = switch (folded[at]) {
            case 's' -> at + 1 < n && folded[at + 1] == 'u' ? "summit" : "signed";
            case 'v' -> "visit";
            case 't' -> at + 1 < n && folded[at + 1] == 'r' ? "travel" : "talks";
            case 'm' -> at + 2 < n && folded[at + 2] == 't' ? "met" : "meet";
            case 'c' -> "conference";
            case 'h' -> "hosted";
            default -> null;
        };
        return stem != null && startsWith(folded, at, stem) ? stem.length() : 0;
    }

    private static boolean startsWith(char[] chars, int at, String word) {
        if (at + word.length() > chars.length) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (chars[at + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Named events: up to five capitalised words before an event word ("UK-EU Summit", "UK-China Strategic
     * Dialogue"), plus "on X" after a meeting ("Leaders' Meeting on Ukraine"). Found from the event words
     * backwards, so the text is not scanned word by word.
     */
    private static List<int[]> namedEvents(String text, String textSearch) {
        List<int[]> events = new ArrayList<>();
        for (String word : EVENT_WORDS) {
            for (int at = textSearch.indexOf(word); at >= 0; at = textSearch.indexOf(word, at + 1)) {
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
                            || !isNameWord(text, wordStart, wordEnd)) {
                        break;
                    }
                    start = wordStart;
                }
                if (word.equals("Meeting")) {
                    Matcher on = MEETING_TOPIC.matcher(text).region(end, Math.min(text.length(), end + 40));
                    if (on.lookingAt()) {
                        end = on.end();
                    }
                }
                if (start < at) {
                    events.add(new int[] {start, end});
                }
            }
        }
        events.sort((a, b) -> Integer.compare(a[0], b[0]));
        return events;
    }

    /**
     * Whether {@code text[from, to)} is a name word, {@code [\p{L}\d'’-]+}, tested by code point as that pattern
     * did (a matcher per word before); {@code to} is at a space, so no surrogate pair straddles it.
     */
    static boolean isNameWord(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; ) {
            int c = Character.codePointAt(text, i);
            if (!(c >= '0' && c <= '9' || c == '\'' || c == '’' || c == '-' || Character.isLetter(c))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
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

    static String stripLeadingNoise(String name) {
        if (isSingleSpaced(name)) {
            // What the split and join below return for words separated by one space, without the regex.
            int start = 0;
            for (int space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', start)) {
                if (!LEADING_NOISE.contains(name.substring(start, space))) {
                    break;
                }
                start = space + 1;
            }
            return start == 0 ? name : name.substring(start);
        }
        String[] words = SPACES.split(name.strip());
        int i = 0;
        while (i < words.length - 1 && LEADING_NOISE.contains(words[i])) {
            i++;
        }
        return String.join(" ", Arrays.copyOfRange(words, i, words.length));
    }

    /** Non-blank at both ends, words separated by single spaces, no other char that {@link #SPACES} matches. */
    private static boolean isSingleSpaced(String name) {
        int n = name.length();
        if (n == 0 || Character.isWhitespace(name.codePointAt(0)) || Character.isWhitespace(name.codePointBefore(n))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == ' ' && name.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
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
    private static int[] sentenceAround(char[] text, int offset) {
        int start = offset;
        int startLimit = Math.max(0, offset - SENTENCE_REACH);
        while (start > startLimit && text[start - 1] != '\n'
                && !(start >= 2 && text[start - 1] == ' ' && text[start - 2] == '.')) {
            start--;
        }
        int end = offset;
        int endLimit = Math.min(text.length, offset + SENTENCE_REACH);
        while (end < endLimit && text[end] != '\n'
                && !(text[end] == '.' && (end + 1 == text.length || text[end + 1] == ' '))) {
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

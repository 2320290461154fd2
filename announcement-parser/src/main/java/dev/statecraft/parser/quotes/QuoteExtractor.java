package dev.statecraft.parser.quotes;

import dev.statecraft.model.Quote;
import dev.statecraft.model.Span;
import dev.statecraft.parser.people.People;
import dev.statecraft.parser.text.Body;
import dev.statecraft.parser.text.Paragraph;
import dev.statecraft.parser.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quoted speech and who said it. Two shapes: the GOV.UK block ("Foreign Secretary said:" followed by quoted
 * paragraphs, a blockquote, or unmarked first-person paragraphs) and inline quotes ("“…,” said X",
 * "X said: “…”"). A paragraph that opens a quote and does not close it continues into the next one.
 */
public final class QuoteExtractor {
    private static final String SPEECH_VERB = "(?:said|says|added|commented|stated|explained|noted|remarked"
            + "|warned|continued|announced|declared|responded|told [^:]{1,40}|said in a statement)";
    private static final Pattern ATTRIBUTION_COLON = Pattern.compile("\\b" + SPEECH_VERB + "\\s*:\\s*$");
    private static final Pattern VERB_THEN_SPEAKER = Pattern.compile("^,?\\s*" + SPEECH_VERB + "\\s+([^.;:“”\"]{2,80})");
    private static final Pattern SPEAKER_THEN_VERB = Pattern.compile("^,?\\s*([^.;:“”\",]{2,80}?)\\s+" + SPEECH_VERB
            + "\\b");
    private static final Pattern VERB_BEFORE_QUOTE = Pattern.compile(SPEECH_VERB + "(?:\\s+that)?\\s*:?\\s*$");
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:I|we|We|our|Our|us|my|My|I’m|I'm|we’re"
            + "|we're|we’ve|we've|We’ve|We've|We’re|We're|ours)\\b");
    private static final Pattern PRONOUN = Pattern.compile("(?i)^(?:he|she|they|it)$");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?i)(?:the|a|an)\\s+");
    private static final int MAX_UNMARKED_PARAGRAPHS = 8;
    private static final int VERB_REACH = 60;

    private QuoteExtractor() {
    }

    public static List<Quote> extract(Body body, People people) {
        String text = body.text();
        List<Paragraph> paragraphs = body.paragraphs();
        List<Quote> quotes = new ArrayList<>();
        int i = 0;
        while (i < paragraphs.size()) {
            Paragraph p = paragraphs.get(i);
            // Only a paragraph ending in a colon is cut out for the attribution pattern.
            Matcher colon = p.end() > p.start() && text.charAt(p.end() - 1) == ':'
                    ? ATTRIBUTION_COLON.matcher(p.text(text)) : null;
            if (colon != null && colon.find() && i + 1 < paragraphs.size()) {
                int clauseStart = lastSentenceStart(text, p.start(), p.start() + colon.start());
                String speaker = speaker(people, text, clauseStart, p.start() + colon.start(), quotes);
                int taken = collectBlock(text, paragraphs, i + 1, speaker, quotes);
                if (taken > 0) {
                    i += 1 + taken;
                    continue;
                }
            }
            inlineQuotes(text, p, people, quotes);
            i++;
        }
        return quotes;
    }

    /** Adds the quote that follows an attribution line; returns how many paragraphs it spans. */
    private static int collectBlock(String text, List<Paragraph> paragraphs, int first, String speaker,
            List<Quote> quotes) {
        List<Span> spans = new ArrayList<>();
        Paragraph start = paragraphs.get(first);
        int j = first;
        if (start.blockQuote()) {
            while (j < paragraphs.size() && paragraphs.get(j).blockQuote()) {
                spans.add(inner(text, paragraphs.get(j)));
                j++;
            }
        } else if (opensQuote(text.charAt(start.start()))) {
            while (j < paragraphs.size()) {
                Paragraph q = paragraphs.get(j);
                spans.add(inner(text, q));
                j++;
                boolean closed = isClosed(q.text(text));
                if (closed || j >= paragraphs.size() || !opensQuote(text.charAt(paragraphs.get(j).start()))) {
                    break;
                }
            }
        } else {
            while (j < paragraphs.size() && j - first < MAX_UNMARKED_PARAGRAPHS) {
                Paragraph q = paragraphs.get(j);
                String content = q.text(text);
                boolean continues = j == first || (FIRST_PERSON.matcher(content).find()
                        && !content.endsWith(":"));
                if (!continues) {
                    break;
                }
                spans.add(inner(text, q));
                j++;
            }
        }
        spans.removeIf(s -> s.end() <= s.start());
        if (spans.isEmpty()) {
            return 0;
        }
        quotes.add(quote(text, speaker, spans));
        return j - first;
    }

    private static void inlineQuotes(String text, Paragraph p, People people, List<Quote> quotes) {
        List<int[]> sentences = null;
        for (int[] m = inline(text, p.start(), p.end()); m != null; m = inline(text, m[1], p.end())) {
            int quoteStart = m[0];
            int afterQuote = m[1];
            String after = text.substring(afterQuote, Math.min(p.end(), afterQuote + 100));
            String speaker = null;
            Matcher verbFirst = VERB_THEN_SPEAKER.matcher(after);
            Matcher speakerFirst = SPEAKER_THEN_VERB.matcher(after);
            if (verbFirst.find()) {
                speaker = speaker(people, text, afterQuote + verbFirst.start(1), afterQuote + verbFirst.end(1),
                        quotes);
            } else if (speakerFirst.find()) {
                speaker = speaker(people, text, afterQuote + speakerFirst.start(1), afterQuote + speakerFirst.end(1),
                        quotes);
            } else {
                sentences = sentences == null ? Sentences.split(text, p.start(), p.end()) : sentences;
                int clauseStart = sentenceStartOf(sentences, quoteStart, p.start());
                // The verb sits right before the quote: look at the end of the clause only.
                int from = Math.max(clauseStart, quoteStart - VERB_REACH);
                Matcher verbBefore = VERB_BEFORE_QUOTE.matcher(text).region(from, quoteStart);
                if (verbBefore.find()) {
                    speaker = speaker(people, text, clauseStart, verbBefore.start(), quotes);
                }
            }
            if (speaker != null) {
                quotes.add(quote(text, speaker, List.of(new Span(m[0] + 1, m[1] - 1))));
            }
        }
    }

    /**
     * The next inline quote in [from, to) as {start, end}: what {@code “([^“”"]{12,}+)”} (straight quotes too)
     * finds, by a scan for the opening mark instead of a regex attempt at every char.
     */
    static int[] inline(String text, int from, int to) {
        int open = from;
        while (true) {
            while (open < to && text.charAt(open) != '“' && text.charAt(open) != '"') {
                open++;
            }
            if (open >= to) {
                return null;
            }
            int close = open + 1;
            while (close < to && !isQuoteMark(text.charAt(close))) {
                close++;
            }
            // At least 12 code points inside (the regex counts a surrogate pair once).
            if (close < to && text.charAt(close) != '“' && close - open - 1 >= 12
                    && Character.codePointCount(text, open + 1, close) >= 12) {
                return new int[] {open, close + 1};
            }
            open++;
        }
    }

    private static boolean isQuoteMark(char c) {
        return c == '“' || c == '”' || c == '"';
    }

    /** The speaker named in [from, to): a person or title found there, else the words themselves. */
    private static String speaker(People people, String text, int from, int to, List<Quote> earlier) {
        String found = people.speakerIn(from, to);
        if (found != null) {
            return found;
        }
        String words = text.substring(from, to).strip();
        int comma = words.lastIndexOf(',');
        words = (comma >= 0 ? words.substring(comma + 1) : words).strip();
        if (PRONOUN.matcher(words).matches()) {
            return earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).speaker();
        }
        words = LEADING_ARTICLE.matcher(words).replaceFirst("");
        return words.isEmpty() || words.length() > 80 ? null : words;
    }

    private static Quote quote(String text, String speaker, List<Span> spans) {
        StringBuilder joined = new StringBuilder();
        for (Span s : spans) {
            if (!joined.isEmpty()) {
                joined.append('\n');
            }
            joined.append(text, s.start(), s.end());
        }
        return new Quote(speaker, joined.toString(), spans);
    }

    /** The paragraph without its opening and closing quotation marks. */
    private static Span inner(String text, Paragraph p) {
        int start = p.start();
        int end = p.end();
        if (start < end && opensQuote(text.charAt(start))) {
            start++;
        }
        if (end > start && closesQuote(text.charAt(end - 1))) {
            end--;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    /** Start of the sentence (of a paragraph's sorted sentences) that contains {@code offset}. */
    private static int sentenceStartOf(List<int[]> sentences, int offset, int paragraphStart) {
        int low = 0;
        int high = sentences.size() - 1;
        int start = paragraphStart;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sentences.get(mid)[0] <= offset) {
                start = sentences.get(mid)[0];
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return start;
    }

    private static int lastSentenceStart(String text, int paragraphStart, int before) {
        List<int[]> sentences = Sentences.split(text, paragraphStart, before);
        return sentences.isEmpty() ? paragraphStart : sentences.get(sentences.size() - 1)[0];
    }

    /** Whether a paragraph that opens a quote also closes it (else the quote runs on into the next one). */
    private static boolean isClosed(String paragraph) {
        if (paragraph.lastIndexOf('”') > paragraph.lastIndexOf('“')) {
            return true;
        }
        int straight = 0;
        for (int i = paragraph.indexOf('"'); i >= 0; i = paragraph.indexOf('"', i + 1)) {
            straight++;
        }
        return paragraph.charAt(0) == '"' && straight >= 2 && straight % 2 == 0
                || paragraph.charAt(0) == '‘' && paragraph.endsWith("’");
    }

    private static boolean opensQuote(char c) {
        return c == '“' || c == '"' || c == '‘';
    }

    private static boolean closesQuote(char c) {
        return c == '”' || c == '"' || c == '’';
    }
}

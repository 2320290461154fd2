package dev.statecraft.parser.text;

import java.util.List;
import java.util.regex.Pattern;

/** A title for a document that has none: its heading line if it starts with one, else its first sentence. */
public final class TitleDeriver {
    public static final String UNTITLED = "Untitled announcement";
    private static final int MAX_LENGTH = 200;
    private static final int MAX_HEADING_LENGTH = 150;
    private static final Pattern GENRE_PREFIX = Pattern.compile(
            "^(?:Press release|News story|World news story|Speech|Statement|Policy paper|Guidance|Notice)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:]$");

    private TitleDeriver() {
    }

    public static String derive(Body body) {
        if (body.paragraphs().isEmpty()) {
            return UNTITLED;
        }
        String first = body.paragraphs().get(0).text(body.text());
        boolean heading = first.length() <= MAX_HEADING_LENGTH && !SENTENCE_END.matcher(first).find();
        String title = heading ? first : firstSentence(first);
        title = GENRE_PREFIX.matcher(title).replaceFirst("");
        if (title.length() > MAX_LENGTH) {
            int cut = title.lastIndexOf(' ', MAX_LENGTH - 1);
            title = title.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
        }
        title = title.strip();
        return title.isEmpty() ? UNTITLED : title;
    }

    private static String firstSentence(String paragraph) {
        List<int[]> sentences = Sentences.split(paragraph, 0, paragraph.length());
        return sentences.isEmpty() ? paragraph : paragraph.substring(sentences.get(0)[0], sentences.get(0)[1]);
    }
}

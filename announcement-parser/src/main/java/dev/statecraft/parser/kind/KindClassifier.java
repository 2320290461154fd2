package dev.statecraft.parser.kind;

import dev.statecraft.model.Kind;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.WordTrie;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The main thing an announcement reports, by weighted cue words: the title counts most, then the summary and
 * lead paragraphs, then (capped) the rest of the body. With no clear cue a diplomatic text is a statement and
 * anything else is other.
 */
public final class KindClassifier {
    private static final double TITLE_WEIGHT = 3;
    private static final double LEAD_WEIGHT = 2;
    private static final double BODY_WEIGHT = 0.5;
    private static final int LEAD_CAP = 2;
    private static final int BODY_CAP = 3;
    /** The main thing is told early: cues past this point of a long text do not change it. */
    private static final int BODY_WINDOW = 20_000;
    /** Nearly every announcement "says" something: statement cues count for less. */
    private static final double STATEMENT_DISCOUNT = 0.7;
    private static final double MIN_SCORE = 1.5;

    private KindClassifier() {
    }

    /**
     * @param lead       the summary and the first substantial paragraphs
     * @param diplomatic whether the text involves other countries or international organisations
     */
    public static Kind classify(String title, String lead, String body, boolean diplomatic) {
        return classify(title, lead, Gazetteer.foldChars(body), diplomatic);
    }

    /** As {@link #classify(String, String, String, boolean)} with the body already folded. */
    public static Kind classify(String title, String lead, char[] foldedBody, boolean diplomatic) {
        Map<Kind, Integer> inTitle = Cues.count(title, Integer.MAX_VALUE);
        Map<Kind, Integer> inLead = Cues.count(lead, LEAD_CAP);
        Map<Kind, Integer> inBody = Cues.count(foldedBody, Math.min(foldedBody.length, BODY_WINDOW), BODY_CAP);
        return decide(inTitle, inLead, inBody, diplomatic);
    }

    /**
     * As {@link #classify(String, String, char[], boolean)} with the lead given as the summary and the lead
     * paragraphs' {start, end} in the body (each followed by a line break or the end of the body): their cues
     * come from the one scan of the body instead of a second scan of a copy.
     */
    public static Kind classify(String title, String summary, List<int[]> leadParagraphs, char[] foldedBody,
            boolean diplomatic) {
        return classify(title, summary, leadParagraphs, foldedBody, null, diplomatic);
    }

    /** As above, with {@code wordStarts} the {@link WordTrie#wordStarts} of the folded body, or null. */
    public static Kind classify(String title, String summary, List<int[]> leadParagraphs, char[] foldedBody,
            int[] wordStarts, boolean diplomatic) {
        Map<Kind, Integer> inTitle = Cues.count(title, Integer.MAX_VALUE);
        int window = Math.min(foldedBody.length, BODY_WINDOW);
        List<int[]> bodyCues = Cues.find(foldedBody, wordStarts, window);
        Map<Kind, Integer> inLead = new EnumMap<>(Kind.class);
        Cues.countInto(inLead, summary, LEAD_CAP);
        for (int[] p : leadParagraphs) {
            if (p[1] <= window) {
                Cues.countInto(inLead, bodyCues, p[0], p[1], LEAD_CAP);
            } else {
                char[] paragraph = Arrays.copyOfRange(foldedBody, p[0], p[1]); // past the window: scan alone
                Cues.countInto(inLead, Cues.find(paragraph, paragraph.length), 0, paragraph.length, LEAD_CAP);
            }
        }
        Map<Kind, Integer> inBody = new EnumMap<>(Kind.class);
        Cues.countInto(inBody, bodyCues, 0, window, BODY_CAP);
        return decide(inTitle, inLead, inBody, diplomatic);
    }

    private static Kind decide(Map<Kind, Integer> inTitle, Map<Kind, Integer> inLead, Map<Kind, Integer> inBody,
            boolean diplomatic) {
        Map<Kind, Double> scores = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            double score = TITLE_WEIGHT * inTitle.getOrDefault(kind, 0)
                    + LEAD_WEIGHT * inLead.getOrDefault(kind, 0)
                    + BODY_WEIGHT * inBody.getOrDefault(kind, 0);
            scores.put(kind, kind == Kind.STATEMENT ? score * STATEMENT_DISCOUNT : score);
        }
        Kind best = Kind.OTHER;
        double bestScore = MIN_SCORE;
        for (Kind kind : List.of(Kind.SANCTIONS_LIFTED, Kind.SANCTIONS_IMPOSED, Kind.SUMMIT, Kind.VISIT,
                Kind.MEETING, Kind.DEFENCE_COOPERATION, Kind.AID, Kind.AGREEMENT, Kind.STATEMENT)) {
            double score = scores.get(kind);
            if (score > bestScore) {
                best = kind;
                bestScore = score;
            }
        }
        if (!diplomatic && best != Kind.OTHER && bestScore < TITLE_WEIGHT + LEAD_WEIGHT) {
            return Kind.OTHER; // a domestic text with a stray cue word
        }
        return best == Kind.OTHER && diplomatic ? Kind.STATEMENT : best;
    }
}

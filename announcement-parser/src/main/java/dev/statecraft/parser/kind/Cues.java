package dev.statecraft.parser.kind;

import dev.statecraft.model.Kind;
import dev.statecraft.parser.gazetteer.WordTrie;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.TextWords;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cue phrases of each kind, matched in one trie pass over case-folded text. A phrase ending in
 * {@code *} is a stem ("designat*" also finds "designations"); any other must end at a word boundary.
 */
final class Cues {
    private static final Map<Kind, String> PHRASES = new EnumMap<>(Kind.class);

    static {
        PHRASES.put(Kind.VISIT, "visit*|arrive in|arrives in|arrived in|arriving in|trip|trips|travel to|travels to"
                + "|travelled to|travelling to|tour|tours|toured|touring");
        PHRASES.put(Kind.MEETING, "meet|meets|meeting|meetings|met|talks|bilateral|phone call|telephone call|host|hosts|hosted"
                + "|video call|spoke to|spoke with|dialogue");
        PHRASES.put(Kind.SUMMIT, "summit|summits|chair's summary|communiqué|communique|leaders' meeting"
                + "|leaders meeting|leaders' declaration|leaders' statement");
        PHRASES.put(Kind.SANCTIONS_IMPOSED, "sanction|sanctions|sanctioned|sanctioning|asset freeze|asset freezes"
                + "|travel ban|travel bans|designate*|designation*|designating");
        PHRASES.put(Kind.SANCTIONS_LIFTED, "lift sanctions|lifts sanctions|lifted sanctions|lifting sanctions"
                + "|lifting of sanctions|lift the sanctions|lifted the sanctions|sanctions lifted"
                + "|sanctions have been lifted|sanctions were lifted|sanctions are lifted|sanctions will be lifted"
                + "|ease sanctions|eases sanctions|eased sanctions|easing sanctions|easing of sanctions"
                + "|sanctions relief|revoke*|revocation|delist*|unfreez*|removed from the sanctions list"
                + "|remove sanctions|removes sanctions|removed sanctions|suspend sanctions|suspends sanctions"
                + "|suspended sanctions|suspension of sanctions");
        PHRASES.put(Kind.STATEMENT, "statement|statements|message|condemn*|remarks|speech|respond|responds"
                + "|response|welcome|welcomes|tribute|condolences");
        PHRASES.put(Kind.DEFENCE_COOPERATION, "defence cooperation|defence co-operation|defence partnership"
                + "|defence pact|defence agreement|defence deal|defence ties|defence industr*|defense cooperation"
                + "|security and defence|military|troops|joint exercise|joint exercises|joint military exercise*"
                + "|armed forces|warship*|fighter jet*|deploy*");
        PHRASES.put(Kind.AID, "aid|humanitarian|funding package|support package|aid package|donat*|relief"
                + "|development assistance|life-saving|emergency funding|emergency support");
        PHRASES.put(Kind.AGREEMENT, "agreement|agreements|sign|signs|signed|signing|memorandum of understanding"
                + "|mou|treaty|accord|deal|deals");
    }

    private static final WordTrie TRIE;
    private static final Kind[] KIND_OF;
    private static final boolean[] STEM;

    static {
        List<String> patterns = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        List<Boolean> stems = new ArrayList<>();
        PHRASES.forEach((kind, phrases) -> {
            for (String phrase : phrases.split("\\|")) {
                boolean stem = phrase.endsWith("*");
                patterns.add(Gazetteer.fold(stem ? phrase.substring(0, phrase.length() - 1) : phrase));
                kinds.add(kind);
                stems.add(stem);
            }
        });
        TRIE = new WordTrie(patterns);
        KIND_OF = kinds.toArray(Kind[]::new);
        STEM = new boolean[stems.size()];
        for (int i = 0; i < STEM.length; i++) {
            STEM[i] = stems.get(i);
        }
    }

    private Cues() {
    }

    /** How often each kind's cues occur in the text, each kind counted up to {@code cap}. */
    static Map<Kind, Integer> count(String text, int cap) {
        if (text == null || text.isEmpty()) {
            return new EnumMap<>(Kind.class);
        }
        char[] folded = Gazetteer.foldChars(text);
        return count(folded, folded.length, cap);
    }

    /** As {@link #count(String, int)} on the first {@code length} chars of an already folded text. */
    static Map<Kind, Integer> count(char[] folded, int length, int cap) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        countInto(counts, find(folded, length), 0, length, cap);
        return counts;
    }

    /** The cue phrases in the first {@code length} chars of a folded text: {start, end, pattern}, sorted. */
    static List<int[]> find(char[] folded, int length) {
        return find(folded, null, length);
    }

    /** As {@link #find(char[], int)}, with {@code wordStarts} the {@link WordTrie#wordStarts} of folded, or null. */
    static List<int[]> find(char[] folded, int[] wordStarts, int length) {
        List<int[]> found = new ArrayList<>();
        WordTrie.MatchListener onMatch = (start, end, pattern) -> {
            boolean after = STEM[pattern] || end == length || !TextWords.isLetterOrDigit(folded[end]);
            if (after) {
                found.add(new int[] {start, end, pattern});
            }
        };
        if (wordStarts != null) {
            TRIE.scanWordStarts(folded, wordStarts, length, onMatch);
        } else {
            TRIE.scanWordStarts(folded, 0, length, onMatch);
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        return found;
    }

    /**
     * Adds the phrases of {@code found} that lie in [from, to) to {@code counts}, each kind up to {@code cap}.
     * No phrase spans a line break, so for a paragraph of the text these are the phrases a scan of the paragraph
     * alone finds.
     */
    static void countInto(Map<Kind, Integer> counts, List<int[]> found, int from, int to, int cap) {
        // Longest phrase wins: "defence agreement" is defence, not also an agreement; "lift sanctions" is
        // a lifting, not also an imposition.
        int covered = 0;
        for (int[] f : found) {
            if (f[0] >= from && f[1] <= to && f[0] >= covered) {
                counts.merge(KIND_OF[f[2]], 1, (a, b) -> Math.min(cap, a + b));
                covered = f[1];
            }
        }
    }

    /** As {@link #count(String, int)}, adding to {@code counts}. */
    static void countInto(Map<Kind, Integer> counts, String text, int cap) {
        if (text != null && !text.isEmpty()) {
            char[] folded = Gazetteer.foldChars(text);
            countInto(counts, find(folded, folded.length), 0, folded.length, cap);
        }
    }
}

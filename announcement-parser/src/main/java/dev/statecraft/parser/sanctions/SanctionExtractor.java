package dev.statecraft.parser.sanctions;

import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Sanction;
import dev.statecraft.model.SanctionTarget;
import dev.statecraft.model.Span;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.text.Body;
import dev.statecraft.parser.text.Paragraph;
import dev.statecraft.parser.text.Sentences;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sanctions actions: imposed, lifted or extended, with the regime where stated and the persons, entities and
 * vessels named in the paragraphs about them (and in the list items that follow those paragraphs).
 */
public final class SanctionExtractor {
    private static final List<String> CUE_WORDS = List.of("sanction", "asset freeze", "designat");
    static final Pattern CUE = Pattern.compile("\\bsanction(?:s|ed|ing)?\\b|\\basset freezes?\\b"
            + "|\\bdesignat(?:es|ed|ing|ions?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIFTED = Pattern.compile("\\b(?:lift\\w*|eas(?:e|es|ed|ing)|revok\\w*|remov\\w*"
            + "|delist\\w*|unfreez\\w*|suspend\\w*)\\b", Pattern.CASE_INSENSITIVE);
    /** Every {@link #LIFTED} match starts with one of these, every {@link #EXTENDED} match with one of the next. */
    private static final List<String> LIFTED_STEMS = List.of("lift", "eas", "revok", "remov", "delist", "unfreez",
            "suspend");
    private static final List<String> EXTENDED_STEMS = List.of("extend", "renew", "prolong", "roll");
    private static final Pattern EXTENDED = Pattern.compile("\\b(?:extend\\w*|renew\\w*|prolong\\w*|roll(?:s|ed)? over)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REGIME = Pattern.compile("\\b(?:under|of) the (?:UK'?’?s )?((?:\\p{Lu}[\\p{L}-]*\\s?){1,4})"
            + "(?:\\(Sanctions\\)(?: \\([^)]{1,40}\\))* Regulations|Sanctions Regulations|sanctions regime|regime)\\b"
            + "|\\b((?:\\p{Lu}[\\p{L}-]*\\s){1,4})sanctions regime\\b");
    private static final Pattern SANCTIONS_ON = Pattern.compile("\\bsanctions (?:on|against) (?:the )?"
            + "((?:\\p{Lu}[\\p{L}-]*)(?: \\p{Lu}[\\p{L}-]*){0,2})");
    /** A ship's name as registers write it: capitals, maybe with a number ("SEA OWL I", "EAGLE S"). */
    private static final String SHIP = "\\p{Lu}[\\p{Lu}\\d-]+(?: [\\p{Lu}\\d][\\p{Lu}\\d-]*)*";
    /** "the vessels ARCTIC SPIRIT, NORDIC STAR and OCEAN PRIDE", "the oil tanker EAGLE S". */
    private static final Pattern VESSELS = Pattern.compile("\\b(?i:vessels?|tankers?|ships?|carriers?)\\s+"
            + "(?:named |called |including |such as )?(?:the )?(" + SHIP + "(?:(?:, and |, | and )(?:the )?" + SHIP
            + ")*)");
    /** "ARCTIC SPIRIT (IMO 9234567)": a listed ship. */
    private static final Pattern SHIP_WITH_IMO = Pattern.compile("(" + SHIP + ")\\s*\\(IMO");
    private static final List<String> SHIP_NOUNS = List.of("vessel", "tanker", "ship", "carrier");
    private static final Pattern LIST_SEPARATOR = Pattern.compile(", and |, | and ");
    private static final Pattern ENTITY = Pattern.compile("((?:\\p{Lu}[\\p{L}\\d&.'’-]*\\s){0,5}(?:Ltd|Limited|LLC"
            + "|JSC|PJSC|OJSC|OOO|Inc|Corporation|Corp|Company|Group|Holdings?|Bank|plc|PLC|GmbH|Plant|Factory"
            + "|Bureau|Industries|Enterprises?|Trading|Shipping|Logistics|Institute))\\b"
            + "|\\b(?:JSC|PJSC|OJSC|LLC|OOO|AO)\\s[“\"]([^”\"]{2,60})[”\"]");
    private static final List<String> COMPANY_WORDS = List.of("Ltd", "Limited", "LLC", "JSC", "OOO", "Inc",
            "Corporation", "Corp", "Company", "Group", "Holding", "Bank", "plc", "PLC", "GmbH", "Plant", "Factory",
            "Bureau", "Industries", "Enterprise", "Trading", "Shipping", "Logistics", "Institute", " AO ");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-•*–·]|\\d{1,2}[.)])\\s*");
    private static final Pattern ANNOUNCING_OFFICE = Pattern.compile("(?:the )?(?:UK |British )?(?:(?:\\p{Lu}[\\p{L}-]*"
            + "(?: and)? )*Secretary(?: of State.*)?|(?:Deputy )?Prime Minister|Minister (?:for|of State)\\b.*"
            + "|Chancellor(?: of the Exchequer)?)");
    /** A list item's leading name: two to four capitalised words before a comma or dash. */
    private static final Pattern LISTED_NAME = Pattern.compile("^(?:[-•*–·]|\\d{1,2}[.)])\\s*"
            + "(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){1,3})(?:,| [-–(])");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:The|the) ");

    private SanctionExtractor() {
    }

    public static List<Sanction> extract(Body body, List<PersonMention> persons) {
        return extract(body, Gazetteer.fold(body.text()), persons, Set.of());
    }

    /**
     * @param lower    the body text folded by {@link Gazetteer#fold} (same length, same offsets), or its
     *                 {@link dev.statecraft.parser.text.SearchView}: it is only searched for lower-case words
     * @param speakers who is quoted: the announcing side speaks in a notice, its targets do not
     */
    public static List<Sanction> extract(Body body, String lower, List<PersonMention> persons,
            Set<String> speakers) {
        int[] cueOffsets = cueOffsets(lower);
        if (cueOffsets.length == 0) {
            return List.of();
        }
        List<PersonMention> candidates = new ArrayList<>();
        for (PersonMention p : persons) {
            if (!speakers.contains(p.name()) && !isAnnouncingOffice(p.role())) {
                candidates.add(p);
            }
        }
        persons = candidates;
        String text = body.text();
        Matcher cue = CUE.matcher("").useTransparentBounds(true);
        Map<String, SanctionBuilder> byAction = new LinkedHashMap<>();
        SanctionBuilder last = null;
        List<Paragraph> paragraphs = body.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            if (!mentionsSanctions(cueOffsets, p.start(), p.end())) {
                continue;
            }
            List<int[]> cueSentences = new ArrayList<>();
            for (int[] s : Sentences.split(text, p.start(), p.end())) {
                if (mentionsSanctions(cueOffsets, s[0], s[1]) && cueIn(text, s[0], s[1], cueOffsets, cue)) {
                    cueSentences.add(s);
                }
            }
            if (cueSentences.isEmpty()) {
                continue;
            }
            // Targets are named in the sanctions sentences themselves or in the list that follows them.
            List<int[]> scopes = new ArrayList<>(cueSentences);
            List<Paragraph> items = new ArrayList<>();
            while (i + 1 < paragraphs.size() && LIST_ITEM.matcher(paragraphs.get(i + 1).text(text)).find()) {
                Paragraph item = paragraphs.get(++i);
                scopes.add(new int[] {item.start(), item.end()});
                items.add(item);
            }
            for (int[] s : cueSentences) {
                String sentence = text.substring(s[0], s[1]);
                String lowerSentence = lower.substring(s[0], s[1]);
                String action = containsAny(lowerSentence, LIFTED_STEMS) && LIFTED.matcher(sentence).find() ? "lifted"
                        : containsAny(lowerSentence, EXTENDED_STEMS) && EXTENDED.matcher(sentence).find() ? "extended"
                        : "imposed";
                SanctionBuilder b = byAction.computeIfAbsent(action, SanctionBuilder::new);
                b.regime = b.regime == null ? regime(sentence) : b.regime;
                b.spans.add(new Span(s[0], s[1]));
                last = b;
            }
            for (int[] scope : scopes) {
                namedTargets(text, scope[0], scope[1], persons, last.targets);
            }
            for (Paragraph item : items) {
                listedPerson(item.text(text), last.targets);
            }
        }
        if (last != null) {
            // Ships are listed anywhere in a notice ("The vessels … have been specified").
            vessels(text, lower, last.targets);
        }
        List<Sanction> sanctions = new ArrayList<>();
        byAction.values().forEach(b -> sanctions.add(new Sanction(b.action, new ArrayList<>(b.targets), b.regime,
                b.spans)));
        return sanctions;
    }

    /** Sorted offsets of the cue words, found once for the whole text. */
    static int[] cueOffsets(String lower) {
        List<Integer> offsets = new ArrayList<>();
        for (String cue : CUE_WORDS) {
            for (int at = lower.indexOf(cue); at >= 0; at = lower.indexOf(cue, at + 1)) {
                offsets.add(at);
            }
        }
        int[] sorted = new int[offsets.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = offsets.get(i);
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Whether {@link #CUE} finds a match in the sentence {@code text[start, end)}, tried only where a cue word
     * starts (a regex search over the whole sentence was ~5 % of a parse). Every match starts at a cue word of
     * the folded text: the pattern folds ASCII case only, as the folded text does. The pattern runs on the
     * sentence cut out, with transparent bounds, so that its word boundaries see what the search over the
     * sentence saw: the sentence's chars before the cue word, and nothing beyond either end.
     */
    static boolean cueIn(String text, int start, int end, int[] cueOffsets, Matcher cue) {
        int i = Arrays.binarySearch(cueOffsets, start);
        i = i >= 0 ? i : -i - 1;
        String sentence = null;
        for (; i < cueOffsets.length && cueOffsets[i] < end; i++) {
            if (i > 0 && cueOffsets[i] == cueOffsets[i - 1]) {
                continue;
            }
            if (sentence == null) {
                sentence = text.substring(start, end);
                cue.reset(sentence);
            }
            if (cue.region(cueOffsets[i] - start, sentence.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cue word starts in [start, end). */
    private static boolean mentionsSanctions(int[] cueOffsets, int start, int end) {
        int i = Arrays.binarySearch(cueOffsets, start);
        int next = i >= 0 ? i : -i - 1;
        return next < cueOffsets.length && cueOffsets[next] < end;
    }

    private static String regime(String sentence) {
        // Each pattern needs a literal: without it, the pattern is not run (it could not match).
        if (sentence.contains("regime") || sentence.contains("Regulations")) {
            Matcher m = REGIME.matcher(sentence);
            if (m.find()) {
                return (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            }
        }
        if (!sentence.contains("sanctions ")) {
            return null;
        }
        Matcher on = SANCTIONS_ON.matcher(sentence);
        return on.find() ? on.group(1).strip() : null;
    }

    /** Whether one of the lower-case stems occurs in the folded text. */
    private static boolean containsAny(String lower, List<String> stems) {
        for (String stem : stems) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** Ship names after a ship noun, and ships listed with an IMO number; looked for only where those occur. */
    private static void vessels(String text, String lower, Set<SanctionTarget> out) {
        Matcher vessels = VESSELS.matcher(text).useTransparentBounds(true);
        for (String noun : SHIP_NOUNS) {
            for (int at = lower.indexOf(noun); at >= 0; at = lower.indexOf(noun, at + 1)) {
                if (vessels.region(at, text.length()).lookingAt()) {
                    for (String name : LIST_SEPARATOR.split(vessels.group(1))) {
                        out.add(new SanctionTarget(LEADING_ARTICLE.matcher(name.strip()).replaceFirst(""), "vessel"));
                    }
                }
            }
        }
        if (text.contains("(IMO")) {
            Matcher imo = SHIP_WITH_IMO.matcher(text);
            while (imo.find()) {
                out.add(new SanctionTarget(imo.group(1).strip(), "vessel"));
            }
        }
    }

    /** Persons and entities named in the sanctions sentences and the list items after them. */
    private static void namedTargets(String text, int from, int to, List<PersonMention> persons,
            Set<SanctionTarget> out) {
        for (PersonMention p : persons) {
            if (p.name() != null && hasSpanWithin(p, from, to)) {
                out.add(new SanctionTarget(p.name(), "person"));
            }
        }
        // The scope names a company or not, once: the entity pattern is searched only where one does.
        if (!namesACompany(text, from, to)) {
            return;
        }
        Matcher entity = ENTITY.matcher(text).region(from, to);
        while (entity.find()) {
            String name = (entity.group(1) != null ? entity.group(1) : entity.group(2)).strip();
            if (name.contains(" ") || entity.group(2) != null) {
                out.add(new SanctionTarget(LEADING_ARTICLE.matcher(name).replaceFirst(""), "entity"));
            }
        }
    }

    /**
     * A title of the government making the announcement ("Foreign Secretary", "Minister for Europe", "Prime
     * Minister"): its holder announces the measures and is never their target. A foreign office is written with
     * its country ("Russian Deputy Defence Minister") and does not match.
     */
    static boolean isAnnouncingOffice(String role) {
        // Every alternative of the pattern needs one of these words: most roles are ruled out without it.
        return role != null
                && (role.contains("Secretary") || role.contains("Minister") || role.contains("Chancellor"))
                && ANNOUNCING_OFFICE.matcher(role).matches();
    }

    /** "- Sergei Volkov, owner of …": a list item that opens with a name and no company word names a person. */
    private static void listedPerson(String item, Set<SanctionTarget> out) {
        Matcher m = LISTED_NAME.matcher(item);
        if (m.find() && !namesACompany(m.group(1), 0, m.group(1).length())) {
            String name = m.group(1);
            boolean known = out.stream().anyMatch(t -> t.name().equals(name));
            if (!known) {
                out.add(new SanctionTarget(name, "person"));
            }
        }
    }

    private static boolean hasSpanWithin(PersonMention person, int from, int to) {
        for (Span span : person.spans()) {
            if (span.start() >= from && span.end() <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesACompany(String text, int from, int to) {
        String scope = text.substring(from, to);
        for (String word : COMPANY_WORDS) {
            if (scope.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final class SanctionBuilder {
        private final String action;
        private final Set<SanctionTarget> targets = new LinkedHashSet<>();
        private final List<Span> spans = new ArrayList<>();
        private String regime;

        SanctionBuilder(String action) {
            this.action = action;
        }
    }
}

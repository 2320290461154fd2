package dev.statecraft.parser.people;

import dev.statecraft.model.Span;
import dev.statecraft.parser.gazetteer.EntryType;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.GazetteerMatch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles in the text, grown to the full office they name: "Minister" + " for Europe", "State Counsellor and
 * Minister of Foreign Affairs", "EU" + "President", "Commander" + " INTERFLEX".
 */
final class RoleFinder {
    /** Titles too generic to stand alone: kept only with a complement ("Head of Care"). */
    private static final Set<String> NEED_COMPLEMENT = Set.of("Head", "Commander", "Chair", "Speaker");
    /** " for Europe", " of Health and Wellbeing", " of the Defence Staff", " to Saudi Arabia". */
    private static final Pattern COMPLEMENT = Pattern.compile(
            "^ (?:for|of|to) (?:the )?\\p{Lu}[\\p{L}'’-]*(?:(?:,? and |, | & | )(?:the )?\\p{Lu}[\\p{L}'’-]*)*");
    private static final Pattern DESIGNATOR = Pattern.compile("^ (\\p{Lu}{3,})\\b");
    private static final Pattern AT_ORGANISATION = Pattern.compile("^ at (?:the )?(\\p{Lu}[\\p{L}&'’-]*"
            + "(?: (?:\\p{Lu}[\\p{L}&'’-]*|of|for|and|the)){0,5})");
    private static final Pattern CONJOINED = Pattern.compile(",? and ");
    /** The longest text {@link #CONJOINED} matches: longer gaps are not cut out to be tried. */
    private static final int MAX_CONJOINED = 6;
    private static final Pattern BARE_PREPOSITION = Pattern.compile(" (?:for|of|to)(?: the)?");
    private static final Pattern TRAILING_SMALL_WORDS = Pattern.compile("(?: (?:of|for|and|the))+$");
    private static final Pattern TRAILING_GLUE = Pattern.compile("(?:,? and| &|,| the)+$");

    private RoleFinder() {
    }

    static List<RoleMention> find(String text, List<GazetteerMatch> people, List<GazetteerMatch> places,
            Gazetteer gazetteer) {
        List<RoleMention> roles = new ArrayList<>();
        Map<Integer, GazetteerMatch> organisationsByEnd = new HashMap<>();
        BitSet placeChars = new BitSet(text.length());
        for (GazetteerMatch p : places) {
            placeChars.set(p.start(), p.end());
            if (p.entry().type() == EntryType.ORGANISATION || p.entry().type() == EntryType.COUNTRY) {
                organisationsByEnd.put(p.end(), p);
            }
        }
        Set<Integer> personStarts = new HashSet<>();
        for (GazetteerMatch p : people) {
            if (p.entry().type() != EntryType.ROLE) {
                personStarts.add(p.start());
            }
        }
        for (GazetteerMatch m : people) {
            if (m.entry().type() != EntryType.ROLE) {
                continue;
            }
            boolean plural = m.length() == m.entry().surface().length() + 1;
            int start = m.start();
            int end = m.end();
            String role = text.substring(start, plural ? end - 1 : end);
            int complementEnd = complementEnd(text, end, personStarts, placeChars, gazetteer);
            if (complementEnd > end) {
                role += text.substring(end, complementEnd);
                end = complementEnd;
            } else {
                Matcher designator = mayStartDesignator(text, end)
                        ? DESIGNATOR.matcher(text.substring(end, Math.min(text.length(), end + 40))) : null;
                if (designator != null && designator.find() && !placeChars.get(end + 1)) {
                    role += " " + designator.group(1);
                    end += designator.end();
                } else if (NEED_COMPLEMENT.contains(m.entry().surface())) {
                    continue;
                }
            }
            GazetteerMatch organisation = organisationJustBefore(organisationsByEnd.get(start - 1), start, text);
            if (organisation != null) {
                role = text.substring(organisation.start(), organisation.end()) + " " + role;
                start = organisation.start();
            }
            roles.add(new RoleMention(start, end, role, plural, affiliation(text, end)));
        }
        return mergeConjoined(text, roles);
    }

    /** "… at Diabetes UK": the organisation a title is held at, trimmed of trailing small words. */
    private static Span affiliation(String text, int end) {
        if (!text.startsWith(" at ", end)) {
            return null; // what AT_ORGANISATION begins with, checked without cutting out and matching
        }
        Matcher m = AT_ORGANISATION.matcher(text.substring(end, Math.min(text.length(), end + 100)));
        if (!m.find()) {
            return null;
        }
        String name = TRAILING_SMALL_WORDS.matcher(m.group(1)).replaceAll("");
        int start = end + m.start(1);
        return new Span(start, start + name.length());
    }

    /** Where a " for …" / " of …" complement ends, stopping before a person's name. */
    private static int complementEnd(String text, int end, Set<Integer> personStarts, BitSet placeChars,
            Gazetteer gazetteer) {
        if (!text.startsWith(" for ", end) && !text.startsWith(" of ", end) && !text.startsWith(" to ", end)) {
            return end; // what COMPLEMENT begins with, checked without cutting out and matching
        }
        Matcher m = COMPLEMENT.matcher(text.substring(end, Math.min(text.length(), end + 120)));
        if (!m.find()) {
            return end;
        }
        int limit = end + m.end();
        // Cut where a name starts: "Minister for Europe Stephen Doughty". A portfolio is made of
        // portfolio words, places and organisations; anything else begins a name.
        Tokens words = Tokens.of(text.substring(end, limit));
        for (int t = 0; t < words.count(); t++) {
            int absolute = end + words.start(t);
            boolean portfolio = !words.isCapitalised(t) || gazetteer.isPortfolioWord(words.text(t))
                    || placeChars.get(absolute);
            if (words.start(t) > 4 && (!portfolio || gazetteer.isGivenName(words.text(t))
                    || personStarts.contains(absolute))) {
                limit = absolute - 1;
                break;
            }
        }
        // A complement is a noun phrase: drop a trailing conjunction or article.
        String complement = TRAILING_GLUE.matcher(text.substring(end, limit)).replaceAll("");
        return complement.isBlank() || BARE_PREPOSITION.matcher(complement).matches() ? end
                : end + complement.length();
    }

    /** What {@link #DESIGNATOR} begins with: a space and an upper-case letter. */
    private static boolean mayStartDesignator(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == ' '
                && Character.getType(text.charAt(end + 1)) == Character.UPPERCASE_LETTER;
    }

    /** "EU Presidents", "UK Permanent Representative": an acronym right before the title. */
    private static GazetteerMatch organisationJustBefore(GazetteerMatch candidate, int start, String text) {
        boolean acronym = candidate != null && candidate.length() <= 6 && text.charAt(candidate.end()) == ' '
                && text.substring(candidate.start(), candidate.end()).chars().noneMatch(Character::isLowerCase);
        return acronym ? candidate : null;
    }

    /**
     * "State Counsellor and Minister of Foreign Affairs Wang Yi" is one person's two offices; "the Foreign
     * Secretary and the High Representative" are two people, so only titles directly before a name merge.
     */
    private static List<RoleMention> mergeConjoined(String text, List<RoleMention> roles) {
        List<RoleMention> merged = new ArrayList<>();
        for (RoleMention r : roles) {
            if (!merged.isEmpty()) {
                RoleMention last = merged.get(merged.size() - 1);
                if (last.end() <= r.start() && !last.plural() && !r.plural()) {
                    boolean and = r.start() - last.end() <= MAX_CONJOINED
                            && CONJOINED.matcher(text.substring(last.end(), r.start())).matches();
                    boolean nameFollows = r.end() + 1 < text.length() && text.charAt(r.end()) == ' '
                            && Character.isUpperCase(text.charAt(r.end() + 1));
                    if (and && nameFollows) {
                        merged.set(merged.size() - 1, new RoleMention(last.start(), r.end(),
                                last.role() + " and " + r.role(), false, r.affiliation()));
                        continue;
                    }
                }
                if (last.end() + 1 == r.start() && text.charAt(last.end()) == ' ' && !last.plural()) {
                    // A chain of titles before one name: "Foreign Minister Prince Faisal".
                    merged.set(merged.size() - 1, new RoleMention(last.start(), r.end(), last.role(), r.plural(),
                            r.affiliation()));
                    continue;
                }
                if (r.start() < last.end()) {
                    continue;
                }
            }
            merged.add(r);
        }
        return merged;
    }
}

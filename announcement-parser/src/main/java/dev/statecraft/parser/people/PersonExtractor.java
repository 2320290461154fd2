package dev.statecraft.parser.people;

import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Span;
import dev.statecraft.parser.gazetteer.EntryType;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.gazetteer.GazetteerMatch;
import dev.statecraft.parser.gazetteer.TextWords;
import dev.statecraft.parser.text.TextViews;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds people: office-holders from the gazetteer, and capitalised names backed by evidence (a title or
 * honorific before them, a title in apposition, a known given name, or "said" after them). Bare family
 * names are resolved to a full name found in the same text or in the gazetteer; titles without a name are
 * kept as roles.
 */
public final class PersonExtractor {
    /** Longest name, not counting particles ("Faisal bin Farhan Al Saud"). */
    private static final int MAX_NAME_WORDS = 4;
    private static final Pattern SPEECH_AFTER = Pattern.compile("^ (?:said|says|added|told|commented|stated)\\b");
    /**
     * What may stand between a name and its title: the six strings of the former pattern
     * {@code ",? (?:the |a )?|, (?:the |a )?"}, compared in place instead of matching a cut-out gap.
     */
    private static final String[] APPOSITION_GAPS = {" ", ", ", " the ", ", the ", " a ", ", a "};
    /** No gap between a title and its holder is longer (", the "): longer gaps are not cut out to be tried. */
    private static final int MAX_GAP = 6;

    private final Gazetteer gazetteer;

    public PersonExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public People extract(String text, Gazetteer.Matches matches, List<String> metadataPeople) {
        return extract(text, text.toCharArray(), matches, metadataPeople);
    }

    /** As {@link #extract(String, Gazetteer.Matches, List)} with {@code chars} the text's chars. */
    public People extract(String text, char[] chars, Gazetteer.Matches matches, List<String> metadataPeople) {
        return extract(text, chars, Tokens.of(chars), matches, metadataPeople);
    }

    /** As {@link #extract(String, Gazetteer.Matches, List)}, with the words read from the text's views. */
    public People extract(String text, TextViews views, Gazetteer.Matches matches, List<String> metadataPeople) {
        return extract(text, views.chars(), Tokens.of(views), matches, metadataPeople);
    }

    private People extract(String text, char[] chars, Tokens tokens, Gazetteer.Matches matches,
            List<String> metadataPeople) {
        List<RoleMention> roles = RoleFinder.find(text, matches.people(), matches.places(), gazetteer);
        List<NameMention> names = new ArrayList<>();
        for (GazetteerMatch m : matches.people()) {
            if (m.entry().type() == EntryType.OFFICE_HOLDER) {
                names.add(new NameMention(m.start(), m.end(), m.entry().key(), false));
            } else if (m.entry().type() == EntryType.SURNAME) {
                names.add(new NameMention(m.start(), m.end(), m.entry().key(), true));
            }
        }
        names.addAll(capitalisedNames(text, chars, tokens, matches, roles));
        names.sort(Comparator.comparingInt(NameMention::start));
        names = resolveSurnames(text, chars, tokens, names);

        Map<String, PersonBuilder> persons = new LinkedHashMap<>();
        for (NameMention n : names) {
            persons.computeIfAbsent(n.key(), PersonBuilder::new).spans.add(new Span(n.start(), n.end()));
        }
        for (GazetteerMatch m : matches.people()) {
            // "Her Majesty The Queen": a name written as the office itself gives the role.
            String office = m.entry().label();
            if (m.entry().type() == EntryType.OFFICE_HOLDER && persons.containsKey(m.entry().key())
                    && text.substring(m.start(), m.end()).toLowerCase(Locale.ROOT)
                            .contains(office.toLowerCase(Locale.ROOT))) {
                PersonBuilder person = persons.get(m.entry().key());
                person.role = person.role == null ? office : person.role;
            }
        }
        List<People.Reference> references = new ArrayList<>();
        for (NameMention n : names) {
            references.add(new People.Reference(n.start(), n.end(), n.key(), true));
        }
        Map<String, List<Span>> unnamedRoles = new LinkedHashMap<>();
        List<RoleMention> unattached = new ArrayList<>();
        for (RoleMention r : roles) {
            List<NameMention> holders = holdersOf(text, r, names);
            for (NameMention holder : holders) {
                PersonBuilder person = persons.get(holder.key());
                if (person.role == null) {
                    person.role = r.role();
                }
            }
            if (holders.isEmpty()) {
                unattached.add(r);
            } else {
                references.add(new People.Reference(r.start(), r.end(), holders.get(0).key(), false));
            }
        }
        // Roles do not change from here on: lower-case each once, not once per pair.
        List<PersonBuilder> holders = new ArrayList<>(persons.values());
        String[] heldLower = new String[holders.size()];
        for (int h = 0; h < heldLower.length; h++) {
            String held = holders.get(h).role;
            heldLower[h] = held == null ? null : held.toLowerCase(Locale.ROOT);
        }
        for (RoleMention r : unattached) {
            String mentioned = r.role().toLowerCase(Locale.ROOT);
            PersonBuilder holder = null;
            for (int h = 0; h < heldLower.length && holder == null; h++) {
                holder = sameOffice(heldLower[h], mentioned) ? holders.get(h) : null;
            }
            if (holder != null) {
                references.add(new People.Reference(r.start(), r.end(), holder.name, false));
            } else if (!r.plural()) {
                unnamedRoles.computeIfAbsent(r.role(), k -> new ArrayList<>()).add(new Span(r.start(), r.end()));
                references.add(new People.Reference(r.start(), r.end(), r.role(), false));
            }
        }
        for (String tagged : metadataPeople) {
            String name = PersonNames.clean(tagged, gazetteer);
            if (!name.isEmpty()) {
                persons.computeIfAbsent(name, PersonBuilder::new);
            }
        }
        references.sort(Comparator.comparingInt(People.Reference::start));
        List<PersonMention> mentions = new ArrayList<>();
        persons.values().forEach(p -> mentions.add(new PersonMention(p.name, p.role, p.spans)));
        unnamedRoles.forEach((role, spans) -> mentions.add(new PersonMention(null, role, spans)));
        // "Dan Howarth, Head of Care at Diabetes UK": only a title in apposition says where someone works.
        List<Span> affiliations = roles.stream()
                .filter(r -> r.affiliation() != null && r.start() >= 2 && text.startsWith(", ", r.start() - 2))
                .map(RoleMention::affiliation).toList();
        return new People(mentions, references, affiliations);
    }

    /** Capitalised word runs that read as a person's name, given the evidence around them. */
    private List<NameMention> capitalisedNames(String text, char[] chars, Tokens tokens, Gazetteer.Matches matches,
            List<RoleMention> roles) {
        BitSet taken = new BitSet(text.length());
        matches.places().forEach(m -> taken.set(m.start(), m.end()));
        matches.people().forEach(m -> taken.set(m.start(), m.end()));
        roles.forEach(r -> taken.set(r.start(), r.end()));
        RoleIndex roleIndex = new RoleIndex(roles);
        List<NameMention> found = new ArrayList<>();
        // The run of name words read so far is the tokens [runStart, i): a run only ever grows by the next token.
        int runStart = 0;
        for (int i = 0; i < tokens.count(); i++) {
            boolean adjacent = runStart < i && tokens.start(i) == tokens.end(i - 1) + 1
                    && chars[tokens.start(i) - 1] == ' ' && !possessiveAfter(chars, tokens.end(i - 1));
            if (!adjacent) {
                considerRun(text, tokens, runStart, i, roleIndex, found);
                runStart = i;
            }
            if (!isNameWord(tokens, i, taken) && (runStart == i || !tokens.isSurnameParticle(i))) {
                considerRun(text, tokens, runStart, i, roleIndex, found);
                runStart = i + 1;
            }
        }
        considerRun(text, tokens, runStart, tokens.count(), roleIndex, found);
        return found;
    }

    /** A run ends at a possessive: "Hunt's trip" stops after Hunt. */
    private static boolean possessiveAfter(char[] text, int wordEnd) {
        return wordEnd < text.length && Tokens.isApostrophe(text[wordEnd]);
    }

    /** A capitalised word that no gazetteer name or title has claimed. */
    private boolean isNameWord(Tokens tokens, int i, BitSet taken) {
        return tokens.isCapitalised(i) && !taken.get(tokens.start(i)) && !tokens.isFunctionWord(i)
                && !tokens.isHonorific(i, gazetteer);
    }

    /** The run of words {@code [from, to)} of tokens, if it reads as a name given the evidence around it. */
    private void considerRun(String text, Tokens tokens, int from, int to, RoleIndex roles, List<NameMention> out) {
        int last = to;
        while (last > from && tokens.isSurnameParticle(last - 1)) {
            last--;
        }
        if (last == from) {
            return;
        }
        int words = 0;
        for (int i = from; i < last; i++) {
            words += tokens.isSurnameParticle(i) ? 0 : 1;
        }
        if (words > MAX_NAME_WORDS || tokens.isSurnameParticle(from)) {
            return;
        }
        int start = tokens.start(from);
        int end = tokens.end(last - 1);
        boolean titled = roles.endsJustBefore(text, start) || honorificBefore(tokens.chars(), start);
        if (last - from == 1) {
            if (titled) {
                out.add(new NameMention(start, end, text.substring(start, end), true));
            }
            return;
        }
        boolean evidence = titled
                || gazetteer.isGivenName(tokens.text(from))
                || roles.startsJustAfter(text, end) && !locativeBefore(text, start)
                || mayStartSpeech(text, end)
                        && SPEECH_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 12))).find();
        if (evidence) {
            out.add(new NameMention(start, end, text.substring(start, end), false));
        }
    }

    /** What {@link #SPEECH_AFTER} begins with: a space and the first letter of a verb. */
    private static boolean mayStartSpeech(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == ' ' && "satc".indexOf(text.charAt(end + 1)) >= 0;
    }

    /** Where the one-word honorifics right before a name begin ("Baroness Chapman"), not before {@code floor}. */
    private int honorificsStart(String text, int nameStart, int floor) {
        int start = nameStart;
        while (start > floor && text.charAt(start - 1) == ' ') {
            String previous = TextWords.wordBefore(text, start);
            int wordStart = previous == null ? -1 : start - 1 - previous.length();
            if (wordStart < floor || !gazetteer.isHonorific(previous)) {
                break;
            }
            start = wordStart;
        }
        return start;
    }

    /** "In Whitehall, the Prime Minister …": after "in"/"at" a run names a place, whatever title follows it. */
    private static boolean locativeBefore(String text, int nameStart) {
        String previous = TextWords.wordBefore(text, nameStart);
        return previous != null && (previous.equalsIgnoreCase("in") || previous.equalsIgnoreCase("at"));
    }

    /**
     * Whether the word before the name ({@link TextWords#wordBefore}) is an honorific, tested in place. No word
     * char is a full stop, so the word without its full stops, tested too before, was the same word.
     */
    private boolean honorificBefore(char[] text, int nameStart) {
        int end = nameStart;
        while (end > 0 && text[end - 1] == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && TextWords.isWordChar(text[start - 1])) {
            start--;
        }
        return end > start && gazetteer.isHonorific(text, start, end);
    }

    /** Bare family names become the full name mentioned elsewhere in the text, else keep the gazetteer's. */
    private static List<NameMention> resolveSurnames(String text, char[] chars, Tokens tokens,
            List<NameMention> names) {
        Map<String, String> fullBySurname = new LinkedHashMap<>();
        for (NameMention n : names) {
            if (!n.surnameOnly()) {
                fullBySurname.putIfAbsent(Gazetteer.surnameOf(n.key()), n.key());
            }
        }
        List<NameMention> resolved = new ArrayList<>();
        for (NameMention n : names) {
            if (n.surnameOnly()) {
                String written = text.substring(n.start(), n.end());
                String full = fullBySurname.getOrDefault(written, fullBySurname.get(Gazetteer.surnameOf(n.key())));
                resolved.add(new NameMention(n.start(), n.end(), full != null ? full : n.key(), false));
            } else {
                resolved.add(n);
            }
        }
        // Later bare mentions of a surname found in the text: "Kaja Kallas" … "host Kallas".
        BitSet named = new BitSet(text.length());
        resolved.forEach(n -> named.set(n.start(), n.end()));
        // Candidate surnames in the order they were first named (the first that fits a word wins): one-word
        // surnames by lookup, the few with a particle by comparison.
        List<Map.Entry<String, String>> candidates = new ArrayList<>();
        Map<String, Integer> oneWord = new HashMap<>();
        List<Integer> multiWord = new ArrayList<>();
        for (Map.Entry<String, String> e : fullBySurname.entrySet()) {
            String surname = e.getKey();
            if (surname.length() >= 3 && !TextWords.isFunctionWord(surname)) {
                if (surname.indexOf(' ') > 0) {
                    multiWord.add(candidates.size());
                } else {
                    oneWord.putIfAbsent(surname, candidates.size());
                }
                candidates.add(e);
            }
        }
        // The lengths of the one-word surnames: a word of no such length is not cut out to be looked up.
        long oneWordLengths = 0;
        boolean longOneWord = false;
        for (String surname : oneWord.keySet()) {
            if (surname.length() < Long.SIZE) {
                oneWordLengths |= 1L << surname.length();
            } else {
                longOneWord = true;
            }
        }
        // A lower-case word (a particle: "von der Leyen") can begin only a surname that begins with lower case.
        boolean lowerCaseSurnames = false;
        for (Map.Entry<String, String> e : candidates) {
            char first = e.getKey().charAt(0);
            lowerCaseSurnames |= first >= 'a' && first <= 'z';
        }
        for (int t = 0; t < tokens.count(); t++) {
            int start = tokens.start(t);
            if (named.get(start) || !tokens.isCapitalised(t) && (!lowerCaseSurnames || !tokens.isSurnameParticle(t))) {
                continue;
            }
            int length = tokens.end(t) - start;
            boolean lengthFits = length < Long.SIZE ? (oneWordLengths >>> length & 1) != 0 : longOneWord;
            int best = fitsAt(chars, start, candidates, lengthFits ? oneWord.get(tokens.text(t)) : null);
            for (int k : multiWord) {
                if (k < best && text.startsWith(candidates.get(k).getKey(), start)
                        && fitsAt(chars, start, candidates, k) == k) {
                    best = k;
                }
            }
            if (best < candidates.size()) {
                Map.Entry<String, String> e = candidates.get(best);
                resolved.add(new NameMention(start, start + e.getKey().length(), e.getValue(), false));
            }
        }
        resolved.sort(Comparator.comparingInt(NameMention::start));
        return resolved;
    }

    /** {@code candidate} if its surname ends at a word boundary when read at {@code start}, else "none". */
    private static int fitsAt(char[] text, int start, List<Map.Entry<String, String>> candidates, Integer candidate) {
        if (candidate == null || candidate >= candidates.size()) {
            return candidates.size();
        }
        int end = start + candidates.get(candidate).getKey().length();
        return end == text.length || !Character.isLetterOrDigit(text[end]) ? candidate : candidates.size();
    }

    /**
     * The people a title belongs to: the name right after it, honorifics aside ("Minister for Development Baroness
     * Chapman"), and, for a plural, the names joined by "and".
     */
    private List<NameMention> holdersOf(String text, RoleMention role, List<NameMention> names) {
        List<NameMention> holders = new ArrayList<>();
        int position = role.end();
        for (int i = firstStartingAtOrAfter(names, position); i < names.size(); i++) {
            NameMention n = names.get(i);
            int nameStart = holders.isEmpty() ? honorificsStart(text, n.start(), position) : n.start();
            if (nameStart - position > MAX_GAP) {
                break;
            }
            String gap = text.substring(position, Math.max(position, n.start()));
            boolean follows = holders.isEmpty() ? isAppositionGap(text, position, Math.max(position, nameStart))
                    : role.plural() && (gap.equals(" and ") || gap.equals(", "));
            if (!follows) {
                break;
            }
            holders.add(n);
            position = n.end();
        }
        int before = firstStartingAtOrAfter(names, role.start()) - 1;
        int qualified = qualifierStart(text, role.start());
        if (holders.isEmpty() && before >= 0 && names.get(before).end() <= qualified
                && qualified - names.get(before).end() <= MAX_GAP) {
            int gapStart = names.get(before).end();
            if (isAppositionGap(text, gapStart, qualified) && text.charAt(gapStart) == ',') {
                holders.add(names.get(before));
            }
        }
        return holders;
    }

    /**
     * Where a possessive qualifier of a title starts ("Kenya's " in "Musalia Mudavadi, Kenya's Foreign Minister";
     * "EU’s " after ", the "): up to three capitalised words and 's right before {@code roleStart}, else roleStart.
     */
    static int qualifierStart(String text, int roleStart) {
        int i = roleStart - 1;
        if (i < 3 || text.charAt(i) != ' ' || text.charAt(i - 1) != 's'
                || (text.charAt(i - 2) != '\'' && text.charAt(i - 2) != '’')) {
            return roleStart;
        }
        int start = roleStart;
        int end = i - 2;
        for (int words = 0; words < 3; words++) {
            int wordStart = end;
            while (wordStart > 0 && isNameChar(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (wordStart == end || !Character.isUpperCase(text.charAt(wordStart))) {
                break;
            }
            start = wordStart;
            if (wordStart < 2 || text.charAt(wordStart - 1) != ' ' || !isNameChar(text.charAt(wordStart - 2))) {
                break;
            }
            end = wordStart - 1;
        }
        return start;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetter(c) || c == '.' || c == '-';
    }

    /** Whether {@code text[from, to)} is one of {@link #APPOSITION_GAPS}. */
    static boolean isAppositionGap(String text, int from, int to) {
        int length = to - from;
        for (String gap : APPOSITION_GAPS) {
            if (gap.length() == length && text.startsWith(gap, from)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first name starting at or after {@code offset} (names are sorted by start). */
    private static int firstStartingAtOrAfter(List<NameMention> names, int offset) {
        int low = 0;
        int high = names.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (names.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** "High Representative" and "High Representative for Foreign Affairs" name the same office. */
    private static boolean sameOffice(String heldLower, String mentionedLower) {
        if (heldLower == null) {
            return false;
        }
        String a = heldLower;
        String b = mentionedLower;
        return a.equals(b) || a.startsWith(b) || b.startsWith(a);
    }

    /** Titles by where they start and end, for the apposition checks around a name. */
    private static final class RoleIndex {
        /** Distinct ends and starts of the titles, sorted (only where a title is, not which, matters here). */
        private final int[] ends;
        private final int[] starts;

        RoleIndex(List<RoleMention> roles) {
            ends = roles.stream().mapToInt(RoleMention::end).sorted().distinct().toArray();
            starts = roles.stream().mapToInt(RoleMention::start).sorted().distinct().toArray();
        }

        /** A title right before the name, directly or in apposition: "Tánaiste Simon", "Affairs, Kaja". */
        boolean endsJustBefore(String text, int nameStart) {
            int end = floor(ends, nameStart);
            return end >= 0 && nameStart - end <= 6 && isAppositionGap(text, end, nameStart);
        }

        /** "Dan Howarth, Head of Care": a title in apposition after the name. */
        boolean startsJustAfter(String text, int nameEnd) {
            int start = ceiling(starts, nameEnd);
            int qualified = start >= 0 ? qualifierStart(text, start) : -1;
            return qualified >= nameEnd && qualified - nameEnd <= 6 && text.charAt(nameEnd) == ','
                    && isAppositionGap(text, nameEnd, qualified);
        }

        /** The largest of the sorted {@code values} at most {@code key}, or -1. */
        private static int floor(int[] values, int key) {
            int i = Arrays.binarySearch(values, key);
            i = i >= 0 ? i : -i - 2;
            return i >= 0 ? values[i] : -1;
        }

        /** The smallest of the sorted {@code values} at least {@code key}, or -1. */
        private static int ceiling(int[] values, int key) {
            int i = Arrays.binarySearch(values, key);
            i = i >= 0 ? i : -i - 1;
            return i < values.length ? values[i] : -1;
        }
    }

    private static final class PersonBuilder {
        private final String name;
        private final List<Span> spans = new ArrayList<>();
        private String role;

        PersonBuilder(String name) {
            this.name = name;
        }
    }
}

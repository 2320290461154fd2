package dev.statecraft.parser.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Countries, places, organisations, roles and office-holders, loaded once from the TSV files beside this
 * class and matched in one pass over a {@link WordTrie}. Immutable and thread-safe.
 */
public final class Gazetteer {
    private static final String BASE = "/dev/statecraft/parser/gazetteer/";
    private static final Set<String> SURNAME_PARTICLES =
            Set.of("von", "van", "der", "den", "de", "da", "dos", "du", "di", "bin", "al", "le", "la");
    private static final String[] PARTICLE_ARRAY = SURNAME_PARTICLES.toArray(String[]::new);
    private static final String PARTICLE_FIRST_LETTERS = SURNAME_PARTICLES.stream().map(p -> p.substring(0, 1))
            .distinct().collect(java.util.stream.Collectors.joining());
    /** No surname particle is longer: longer words need not be looked up. */
    public static final int MAX_SURNAME_PARTICLE_LENGTH =
            SURNAME_PARTICLES.stream().mapToInt(String::length).max().orElse(0);
    private static final Pattern SPACES = Pattern.compile(" +");
    /** By start, then longest first, then by {@link #priority}: one method, not a chain of three comparators. */
    private static final Comparator<GazetteerMatch> LEFTMOST_LONGEST = (a, b) -> {
        int byStart = Integer.compare(a.start(), b.start());
        if (byStart != 0) {
            return byStart;
        }
        int byLength = Integer.compare(b.length(), a.length());
        return byLength != 0 ? byLength : Integer.compare(priority(a.entry().type()), priority(b.entry().type()));
    };

    private final WordTrie trie;
    /**
     * The patterns with an entry that can match where the text's word does not start with a capital (most
     * entries start with one, and most words of a text do not): walked there instead of {@link #trie}.
     */
    private final WordTrie uncapitalisedTrie;
    /** Pattern of {@link #trie} for each pattern of {@link #uncapitalisedTrie}. */
    private final int[] uncapitalisedPatterns;
    private final GazetteerEntry[][] entriesByPattern;
    /** Per entry of {@link #entriesByPattern}: the offsets whose case the text must match (see caseFits). */
    private final int[][][] casedOffsetsByPattern;
    private final boolean[][] allCapsByPattern;
    private final Set<String> givenNames;
    private final Set<String> portfolioWords;
    private final Map<String, String> countryCodeByName = new HashMap<>();
    private final Map<String, GazetteerEntry> organisationByName = new HashMap<>();
    private final Set<String> honorifics = new HashSet<>();
    /** {@link #honorifics} as a trie, to test a word of a char array in place. */
    private final WordTrie honorificTrie;
    private final Set<String> internationalOrganisations = new HashSet<>();

    private Gazetteer(Map<String, List<GazetteerEntry>> bySurface, Set<String> givenNames,
            Set<String> portfolioWords) {
        this.portfolioWords = Set.copyOf(portfolioWords);
        List<String> patterns = new ArrayList<>(bySurface.keySet());
        this.trie = new WordTrie(patterns);
        this.entriesByPattern = new GazetteerEntry[patterns.size()][];
        this.casedOffsetsByPattern = new int[patterns.size()][][];
        this.allCapsByPattern = new boolean[patterns.size()][];
        for (int p = 0; p < patterns.size(); p++) {
            List<GazetteerEntry> entries = bySurface.get(patterns.get(p));
            entriesByPattern[p] = entries.toArray(GazetteerEntry[]::new);
            casedOffsetsByPattern[p] = new int[entries.size()][];
            allCapsByPattern[p] = new boolean[entries.size()];
            for (int e = 0; e < entries.size(); e++) {
                String surface = entries.get(e).surface();
                allCapsByPattern[p][e] = isAllCaps(surface);
                casedOffsetsByPattern[p][e] = casedOffsets(surface, allCapsByPattern[p][e]);
            }
        }
        List<String> uncapitalised = new ArrayList<>();
        List<Integer> uncapitalisedIndex = new ArrayList<>();
        for (int p = 0; p < patterns.size(); p++) {
            if (mayStartUncapitalised(p)) {
                uncapitalised.add(patterns.get(p));
                uncapitalisedIndex.add(p);
            }
        }
        this.uncapitalisedTrie = new WordTrie(uncapitalised);
        this.uncapitalisedPatterns = uncapitalisedIndex.stream().mapToInt(Integer::intValue).toArray();
        this.givenNames = Set.copyOf(givenNames);
        for (List<GazetteerEntry> entries : bySurface.values()) {
            for (GazetteerEntry e : entries) {
                String folded = fold(e.surface());
                switch (e.type()) {
                    case COUNTRY -> countryCodeByName.putIfAbsent(folded, e.key());
                    case ORGANISATION -> {
                        organisationByName.putIfAbsent(folded, e);
                        if (e.country() == null) {
                            internationalOrganisations.add(e.key());
                        }
                    }
                    case HONORIFIC -> honorifics.add(e.surface());
                    default -> {
                    }
                }
            }
        }
        this.honorificTrie = new WordTrie(List.copyOf(honorifics));
    }

    /** Loads the bundled data files. Call once and share the result. */
    public static Gazetteer load() {
        Map<String, List<GazetteerEntry>> bySurface = new LinkedHashMap<>();
        for (String[] row : rows("countries.tsv")) {
            String code = row[0];
            List<String> names = split(cell(row, 1));
            boolean personal = cell(row, 3).contains("person-name");
            for (String name : names) {
                add(bySurface, new GazetteerEntry(name, EntryType.COUNTRY, code, names.get(0), code, true, personal));
            }
            for (String demonym : split(cell(row, 2))) {
                add(bySurface, new GazetteerEntry(demonym, EntryType.DEMONYM, code, names.get(0), code, true, false));
            }
        }
        for (String[] row : rows("places.tsv")) {
            List<String> names = split(row[0]);
            boolean implies = !"no".equals(cell(row, 2));
            for (String name : names) {
                add(bySurface, new GazetteerEntry(name, EntryType.PLACE, names.get(0), names.get(0), row[1], implies,
                        false));
            }
        }
        for (String[] row : rows("not-places.tsv")) {
            add(bySurface, new GazetteerEntry(row[0], EntryType.NOT_A_PLACE, row[0], row[0], null, false, false));
        }
        for (String[] row : rows("organisations.tsv")) {
            String id = row[0];
            String name = cell(row, 1).isEmpty() ? id : row[1];
            List<String> forms = new ArrayList<>(List.of(name));
            forms.addAll(split(cell(row, 2)));
            String home = cell(row, 3).isEmpty() ? null : cell(row, 3);
            for (String form : forms) {
                add(bySurface, new GazetteerEntry(form, EntryType.ORGANISATION, id, name, home, false, false));
            }
        }
        for (String[] row : rows("roles.tsv")) {
            add(bySurface, new GazetteerEntry(row[0], EntryType.ROLE, row[0], row[0], null, false, false));
        }
        for (String[] row : rows("office-holders.tsv")) {
            String name = row[0];
            String office = cell(row, 1);
            String country = cell(row, 2);
            List<String> forms = new ArrayList<>(List.of(name));
            forms.addAll(split(cell(row, 4)));
            for (String form : forms) {
                EntryType type = form.indexOf(' ') < 0 ? EntryType.SURNAME : EntryType.OFFICE_HOLDER;
                add(bySurface, new GazetteerEntry(form, type, name, office, country, false, false));
            }
            if ("y".equals(cell(row, 3))) {
                add(bySurface, new GazetteerEntry(surnameOf(name), EntryType.SURNAME, name, office, country, false,
                        false));
            }
        }
        for (String[] row : rows("honorifics.txt")) {
            add(bySurface, new GazetteerEntry(row[0], EntryType.HONORIFIC, row[0], row[0], null, false, false));
        }
        return new Gazetteer(bySurface, words("given-names.txt"), words("portfolio-words.txt"));
    }

    /**
     * The family-name part of a full name: from the first particle on ("von der Leyen"), else the last word.
     */
    public static String surnameOf(String fullName) {
        String trimmed = fullName.trim();
        if (trimmed.indexOf(' ') < 0) {
            return trimmed; // one word: what the split below would return, without a regex per name
        }
        // The words are the runs of chars between spaces (what a split at " +" gives: trimmed neither begins nor
        // ends with a space), walked in place instead of split by a regex for every name mention.
        int wordStart = skipSpaces(trimmed, trimmed.indexOf(' '));
        for (int wordEnd = trimmed.indexOf(' ', wordStart); wordEnd >= 0; wordEnd = trimmed.indexOf(' ', wordStart)) {
            if (isSurnameParticle(trimmed, wordStart, wordEnd)) {
                String rest = trimmed.substring(wordStart);
                return rest.contains("  ") ? SPACES.matcher(rest).replaceAll(" ") : rest;
            }
            wordStart = skipSpaces(trimmed, wordEnd);
        }
        return trimmed.substring(wordStart);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isSurnameParticle(String text, int start, int end) {
        for (String particle : PARTICLE_ARRAY) {
            if (particle.length() == end - start && text.startsWith(particle, start)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isSurnameParticle(String word) {
        return SURNAME_PARTICLES.contains(word);
    }

    /** {@link #isSurnameParticle(String)} of {@code text[start, end)}, without cutting the word out. */
    public static boolean isSurnameParticle(char[] text, int start, int end) {
        int length = end - start;
        if (length > MAX_SURNAME_PARTICLE_LENGTH || length == 0 || text[start] < 'a' || text[start] > 'z') {
            return false; // every particle is lower-case ASCII
        }
        if (PARTICLE_FIRST_LETTERS.indexOf(text[start]) < 0) {
            return false;
        }
        for (String particle : PARTICLE_ARRAY) {
            if (particle.length() == length && sameChars(particle, text, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameChars(String word, char[] text, int start) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != text[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Case-folds for matching; one char in, one char out, so offsets carry over to the original text. */
    public static String fold(CharSequence text) {
        return new String(foldChars(text));
    }

    /** {@link #fold} as a char array, for the trie scans that share one folded copy of a text. */
    public static char[] foldChars(CharSequence text) {
        // Bulk copy first: one array pass is much cheaper than charAt per char on a UTF-16 string.
        char[] out = text.toString().toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(out[i]);
        }
        return out;
    }

    /** The folded form of one char (see {@link #fold(CharSequence)}). */
    public static char fold(char c) {
        if (c < 0x80 && c != '`') {
            // ASCII, nearly every char: a range test instead of the switch's search.
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return switch (c) {
            case '\u2019', '\u2018', '\u02bc', '`' -> '\'';
            case '\u2013', '\u2011', '\u2010' -> '-';
            case '\u00a0' -> ' ';
            default -> c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        };
    }

    /**
     * Whether an entry of pattern {@code p} can pass {@link #caseFits} where the text's char at the start is
     * not upper case: its first char is not one whose case it fixes, or it fixes a letter that is not upper case.
     */
    private boolean mayStartUncapitalised(int p) {
        for (int e = 0; e < entriesByPattern[p].length; e++) {
            int[] cased = casedOffsetsByPattern[p][e];
            boolean firstCased = cased.length > 0 && cased[0] == 0;
            if (!firstCased || allCapsByPattern[p][e]
                    && !Character.isUpperCase(entriesByPattern[p][e].surface().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** All gazetteer names in {@code text}: leftmost longest per layer, checked for word boundaries and case. */
    public Matches find(String text) {
        return find(text, foldChars(text));
    }

    /** As {@link #find(String)}, with the text already folded by {@link #foldChars}. */
    public Matches find(String text, char[] folded) {
        return find(text, text.toCharArray(), folded);
    }

    /** As {@link #find(String, char[])}, with {@code chars} the text's chars (array reads beat charAt). */
    public Matches find(String text, char[] chars, char[] folded) {
        return find(text, chars, folded, WordTrie.wordStarts(folded));
    }

    /** As {@link #find(String, char[], char[])}, with {@code wordStarts} the {@link WordTrie#wordStarts} of folded. */
    public Matches find(String text, char[] chars, char[] folded, int[] wordStarts) {
        List<GazetteerMatch> candidates = new ArrayList<>();
        WordTrie.MatchListener onMatch = (start, end, pattern) -> {
            boolean wordEnd = boundaryAfter(chars, end);
            boolean pluralEnd = !wordEnd && chars[end] == 's' && boundaryAfter(chars, end + 1);
            if (!wordEnd && !pluralEnd) {
                return;
            }
            GazetteerEntry[] entries = entriesByPattern[pattern];
            for (int e = 0; e < entries.length; e++) {
                GazetteerEntry entry = entries[e];
                // plural title: "EU Presidents"
                if (pluralEnd && entry.type() != EntryType.ROLE) {
                    continue;
                }
                if (caseFits(entry.surface(), casedOffsetsByPattern[pattern][e], allCapsByPattern[pattern][e], chars,
                        start)) {
                    candidates.add(new GazetteerMatch(start, pluralEnd ? end + 1 : end, entry));
                }
            }
        };
        WordTrie.MatchListener onUncapitalisedMatch =
                (start, end, pattern) -> onMatch.onMatch(start, end, uncapitalisedPatterns[pattern]);
        if (trie.startsWithLetterOrDigit() && uncapitalisedTrie.startsWithLetterOrDigit()) {
            // No name begins with anything else: walk only from the word starts found once for all the scans.
            for (int start : wordStarts) {
                walkFrom(start, chars, folded, onMatch, onUncapitalisedMatch);
            }
        } else {
            for (int start = 0; start < folded.length; start++) {
                if (start == 0 || !TextWords.isLetterOrDigit(folded[start - 1])) {
                    walkFrom(start, chars, folded, onMatch, onUncapitalisedMatch);
                }
            }
        }
        candidates.sort(LEFTMOST_LONGEST);
        List<GazetteerMatch> places = select(candidates, EntryType.Layer.PLACES);
        List<GazetteerMatch> people = select(candidates, EntryType.Layer.PEOPLE);
        places.removeIf(m -> m.entry().alsoPersonalName() && readsAsPersonalName(text, m));
        // A person's name never sits inside a place or organisation name ("Costa" in "Costa Rica").
        BitSet placeChars = new BitSet(text.length());
        for (GazetteerMatch p : places) {
            placeChars.set(p.start(), p.end());
        }
        people.removeIf(m -> m.entry().type() != EntryType.ROLE
                && placeChars.nextSetBit(m.start()) >= 0 && placeChars.nextSetBit(m.start()) < m.end());
        return new Matches(places, people);
    }

    private void walkFrom(int start, char[] chars, char[] folded, WordTrie.MatchListener onMatch,
            WordTrie.MatchListener onUncapitalisedMatch) {
        // An entry that fails the case rules there is never reported (the same matches, fewer steps).
        if (isUpperCase(chars[start])) {
            trie.walk(folded, start, folded.length, onMatch);
        } else {
            uncapitalisedTrie.walk(folded, start, folded.length, onUncapitalisedMatch);
        }
    }

    private static List<GazetteerMatch> select(List<GazetteerMatch> sorted, EntryType.Layer layer) {
        List<GazetteerMatch> chosen = new ArrayList<>();
        int covered = 0;
        for (GazetteerMatch m : sorted) {
            if (m.entry().type().layer() == layer && m.start() >= covered) {
                chosen.add(m);
                covered = m.end();
            }
        }
        return chosen;
    }

    /** "Jordan Henderson", "Michael Jordan": a country name used as part of a person's name. */
    private boolean readsAsPersonalName(String text, GazetteerMatch m) {
        String next = TextWords.wordAfter(text, m.end());
        String previous = TextWords.wordBefore(text, m.start());
        boolean nextIsName = next != null && TextWords.isCapitalised(next) && !TextWords.isFunctionWord(next)
                && m.end() < text.length() && text.charAt(m.end()) == ' ';
        boolean previousIsGiven = previous != null && givenNames.contains(previous);
        return nextIsName || previousIsGiven;
    }

    /**
     * Case rules, decided once per entry: an all-capitals entry ("US") must match in capitals at every letter;
     * otherwise a capital that starts a word of the entry must be a capital in the text.
     */
    private static boolean caseFits(String surface, int[] casedOffsets, boolean allCaps, char[] text, int start) {
        for (int i : casedOffsets) {
            char s = surface.charAt(i);
            char t = text[start + i];
            if (allCaps ? s != t : !Character.isUpperCase(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperCase(char c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static boolean isAllCaps(String surface) {
        int letters = 0;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 2;
    }

    /** The letters an all-capitals entry fixes, else the capitals that start a word of the entry. */
    private static int[] casedOffsets(String surface, boolean allCaps) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < surface.length(); i++) {
            char s = surface.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetter(surface.charAt(i - 1));
            if (allCaps ? Character.isLetter(s) : wordStart && Character.isUpperCase(s)) {
                offsets.add(i);
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean boundaryAfter(char[] text, int end) {
        return end >= text.length || !TextWords.isLetterOrDigit(text[end]);
    }

    /** Whether the id names an international organisation (the EU, the UN) rather than a national body. */
    public boolean isInternational(String organisationId) {
        return internationalOrganisations.contains(organisationId);
    }

    /** Whether a word can be part of an office's portfolio ("Foreign", "Affairs", "Wellbeing"). */
    public boolean isPortfolioWord(String word) {
        return portfolioWords.contains(word);
    }

    public boolean isGivenName(String word) {
        return givenNames.contains(word);
    }

    public boolean isHonorific(String word) {
        return honorifics.contains(word);
    }

    /** {@link #isHonorific(String)} of {@code text[start, end)}, without cutting the word out. */
    public boolean isHonorific(char[] text, int start, int end) {
        return honorificTrie.exact(text, start, end) >= 0;
    }

    /** ISO code for a country's name or short form, e.g. from GOV.UK world locations. */
    public Optional<String> countryCode(String name) {
        return Optional.ofNullable(name).map(n -> countryCodeByName.get(fold(n.trim())));
    }

    public Optional<GazetteerEntry> organisation(String name) {
        return Optional.ofNullable(name).map(n -> organisationByName.get(fold(n.trim())));
    }

    /** The matches of one text, split into the places/organisations layer and the people layer. */
    public record Matches(List<GazetteerMatch> places, List<GazetteerMatch> people) {
        public Matches {
            places = List.copyOf(places);
            people = List.copyOf(people);
        }
    }

    private static int priority(EntryType type) {
        return switch (type) {
            case NOT_A_PLACE -> 0;
            case ORGANISATION -> 1;
            case COUNTRY -> 2;
            case PLACE -> 3;
            case DEMONYM -> 4;
            case OFFICE_HOLDER -> 5;
            case SURNAME -> 6;
            case ROLE -> 7;
            case HONORIFIC -> 8;
        };
    }

    private static void add(Map<String, List<GazetteerEntry>> bySurface, GazetteerEntry entry) {
        List<GazetteerEntry> list = bySurface.computeIfAbsent(fold(entry.surface()), k -> new ArrayList<>());
        if (list.stream().noneMatch(e -> e.type() == entry.type() && e.key().equals(entry.key()))) {
            list.add(entry);
        }
    }

    private static String cell(String[] row, int i) {
        return i < row.length ? row[i].trim() : "";
    }

    private static List<String> split(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.stream(cell.split("\\|")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> words(String file) {
        Set<String> words = new HashSet<>();
        for (String[] row : rows(file)) {
            words.addAll(Arrays.asList(SPACES.split(row[0].strip())));
        }
        return words;
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer file missing: " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

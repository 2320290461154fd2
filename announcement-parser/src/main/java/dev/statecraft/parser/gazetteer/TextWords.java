package dev.statecraft.parser.gazetteer;

import java.util.List;
import java.util.Set;

/** Small word-level helpers shared by the extractors. */
public final class TextWords {
    /** Capitalised words that start sentences or headings and are never part of a name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("The", "A", "An", "This", "That", "These", "Those",
            "In", "On", "At", "By", "For", "From", "To", "Of", "With", "As", "And", "But", "Or", "If", "When", "While",
            "We", "Our", "I", "My", "He", "She", "His", "Her", "They", "Their", "It", "Its", "You", "Your", "Both",
            "All", "Some", "Many", "Most", "More", "Each", "Every", "There", "Here", "Today", "Yesterday",
            "Tomorrow", "Following", "Speaking", "After", "Before", "During", "Ahead", "Since", "Under", "Over",
            "Also", "However", "Meanwhile", "Further", "Furthermore", "New", "Other", "Mr",
            "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Government", "Minister", "Ministers", "Secretary", "President", "Summit",
            "Press", "Release", "News", "Story", "Statement", "Background", "Notes", "Editors", "Read", "Find",
            "See", "Search", "Download", "Access", "Follow", "Contact", "Published", "Updated", "Source");

    /** {@link #FUNCTION_WORDS} as a trie, to test a word of a char array in place. */
    private static final WordTrie FUNCTION_WORD_TRIE = new WordTrie(List.copyOf(FUNCTION_WORDS));

    private TextWords() {
    }

    public static boolean isFunctionWord(String word) {
        return FUNCTION_WORDS.contains(word);
    }

    /** {@link #isFunctionWord(String)} of {@code text[start, end)}, without cutting the word out. */
    public static boolean isFunctionWord(char[] text, int start, int end) {
        return FUNCTION_WORD_TRIE.exact(text, start, end) >= 0;
    }

    public static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    /** The word that starts right after {@code pos} (skipping one run of spaces), or null. */
    public static String wordAfter(String text, int pos) {
        int i = pos;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i > start ? text.substring(start, i) : null;
    }

    /** The word that ends right before {@code pos} (skipping one run of spaces), or null. */
    public static String wordBefore(String text, int pos) {
        int i = pos;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        int end = i;
        while (i > 0 && isWordChar(text.charAt(i - 1))) {
            i--;
        }
        return end > i ? text.substring(i, end) : null;
    }

    /** {@link Character#isLetterOrDigit(char)} with a fast path for ASCII, which is most of any text. */
    public static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return c >= 'a' ? c <= 'z' : c >= 'A' ? c <= 'Z' : c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#isLetter(char)} with a fast path for ASCII. */
    public static boolean isLetter(char c) {
        if (c < 0x80) {
            return c >= 'a' ? c <= 'z' : c >= 'A' && c <= 'Z';
        }
        return Character.isLetter(c);
    }

    /** {@link Character#isDigit(char)} with a fast path for ASCII. */
    public static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** Start of the word (letters, digits, hyphens) that ends at {@code end}. */
    public static int wordStart(String text, int end) {
        int i = end;
        while (i > 0 && (isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
            i--;
        }
        return i;
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '\u2019';
    }
}

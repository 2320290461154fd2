package dev.statecraft.parser.people;

import dev.statecraft.parser.gazetteer.Gazetteer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Cleans a person's name as metadata writes it: "The Rt Hon Theresa May MP" is Theresa May. */
public final class PersonNames {
    private static final Set<String> POST_NOMINALS = Set.of("MP", "MEP", "MSP", "MS", "QC", "KC", "OBE", "CBE",
            "MBE", "KCMG", "GCMG", "CMG", "KBE", "DBE", "PC", "FRS", "MLA", "AM", "CB", "KCB", "GCB");
    private static final Set<String> LEADING = Set.of("The", "the", "Rt", "Hon", "Right", "Honourable", "Rt.",
            "Hon.");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_COMMA = Pattern.compile(",$");

    private PersonNames() {
    }

    public static String clean(String written, Gazetteer gazetteer) {
        List<String> words = new ArrayList<>(Arrays.asList(SPACES.split(written.trim())));
        while (!words.isEmpty() && (LEADING.contains(words.get(0)) || gazetteer.isHonorific(words.get(0))
                || gazetteer.isHonorific(words.get(0).replace(".", "")))) {
            words.remove(0);
        }
        while (!words.isEmpty() && POST_NOMINALS.contains(words.get(words.size() - 1).replace(",", ""))) {
            words.remove(words.size() - 1);
        }
        return TRAILING_COMMA.matcher(String.join(" ", words)).replaceAll("");
    }
}

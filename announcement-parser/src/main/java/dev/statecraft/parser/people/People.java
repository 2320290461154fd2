package dev.statecraft.parser.people;

import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Span;
import java.util.List;

/** The persons and roles of one document, plus where each is named (for attributing quotes). */
public final class People {
    private final List<PersonMention> mentions;
    private final List<Reference> references;
    private final List<Span> affiliations;

    /** A name or title at [start, end) and who it refers to (a full name, or the title when unnamed). */
    record Reference(int start, int end, String referent, boolean named) {
    }

    People(List<PersonMention> mentions, List<Reference> references, List<Span> affiliations) {
        this.mentions = List.copyOf(mentions);
        this.references = List.copyOf(references);
        this.affiliations = List.copyOf(affiliations);
    }

    /** Where the text names the organisation a person's title is held at ("Head of Care at Diabetes UK"). */
    public List<Span> affiliations() {
        return affiliations;
    }

    public List<PersonMention> mentions() {
        return mentions;
    }

    /**
     * Who a stretch of text names as speaker: the last person named in [from, to), else the last title
     * (resolved to its holder when the text names one), else null.
     */
    public String speakerIn(int from, int to) {
        String named = null;
        String titled = null;
        int low = 0;
        int high = references.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (references.get(mid).start() < from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < references.size() && references.get(i).start() < to; i++) {
            Reference r = references.get(i);
            if (r.end() <= to) {
                if (r.named()) {
                    named = r.referent();
                } else {
                    titled = r.referent();
                }
            }
        }
        return named != null ? named : titled;
    }
}

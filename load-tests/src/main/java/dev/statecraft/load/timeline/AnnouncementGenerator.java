package dev.statecraft.load.timeline;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.DateMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.LocationMention;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Precision;
import dev.statecraft.model.Source;
import dev.statecraft.model.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic {@link Announcement} v1 events with the shape of a real foreign-office feed: countries, people,
 * organisations and publishers Zipf-distributed, kinds in realistic shares, publication dates over ten years
 * ending at {@code end}, and titles and bodies of real words (with evidence spans) for full-text search.
 * Deterministic for a seed. About one in twenty announcements is later revised (a second event, revision 2).
 */
public final class AnnouncementGenerator {
    static final Duration SPAN = Duration.ofDays(3652);
    private static final double REVISED_SHARE = 0.05;

    static final Zipf<String[]> COUNTRIES = new Zipf<>(Vocabulary.COUNTRIES, 1.0);
    static final Zipf<String[]> ORGANISATIONS = new Zipf<>(Vocabulary.ORGANISATIONS, 1.1);
    static final Zipf<String> PERSONS = new Zipf<>(Vocabulary.PERSONS, 0.9);
    static final Zipf<String> PUBLISHERS = new Zipf<>(Vocabulary.PUBLISHERS, 1.2);
    static final Zipf<String> WORDS = new Zipf<>(Vocabulary.WORDS, 0.8);
    static final Zipf<String> ROLES = new Zipf<>(Vocabulary.ROLES, 1.0);

    private final SplittableRandom random;
    private final Instant end;
    private final List<Kind> kinds = new ArrayList<>();
    private final double[] kindCumulative;
    private final List<Announcement> pendingRevisions = new ArrayList<>();
    private long serial;

    public AnnouncementGenerator(long seed, Instant end) {
        this.random = new SplittableRandom(seed);
        this.end = end;
        Map<Kind, Double> shares = new LinkedHashMap<>(Vocabulary.KIND_SHARE);
        kindCumulative = new double[shares.size()];
        double sum = 0;
        for (Map.Entry<Kind, Double> e : shares.entrySet()) {
            sum += e.getValue();
            kindCumulative[kinds.size()] = sum;
            kinds.add(e.getKey());
        }
    }

    /**
     * The next event: usually a new announcement, sometimes the revision of an earlier one (which then follows
     * its first revision on the topic, as the relay would send it).
     */
    public Announcement next() {
        if (!pendingRevisions.isEmpty() && random.nextDouble() < REVISED_SHARE) {
            return pendingRevisions.remove(random.nextInt(pendingRevisions.size()));
        }
        Announcement a = fresh();
        if (random.nextDouble() < REVISED_SHARE && pendingRevisions.size() < 10_000) {
            pendingRevisions.add(revise(a));
        }
        return a;
    }

    /** Distinct announcements generated so far (events minus revisions). */
    public long announcements() {
        return serial;
    }

    private Announcement fresh() {
        String id = String.format(Locale.ROOT, "ann_bench%016x", mix(serial++));
        Instant publishedAt = end.minusSeconds(random.nextLong(SPAN.toSeconds()));
        Kind kind = kind();
        Body body = new Body();

        Map<String, String[]> countries = new LinkedHashMap<>();
        int countryCount = 1 + (random.nextDouble() < 0.5 ? 0 : random.nextInt(3));
        while (countries.size() < countryCount) {
            String[] c = COUNTRIES.next(random);
            countries.put(c[0], c);
        }
        List<String[]> places = new ArrayList<>(countries.values());
        List<PersonMention> persons = new ArrayList<>();
        Set<String> personNames = new LinkedHashSet<>();
        int personCount = random.nextInt(4);
        while (personNames.size() < personCount) {
            personNames.add(PERSONS.next(random));
        }
        Map<String, String[]> organisations = new LinkedHashMap<>();
        int organisationCount = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(2);
        while (organisations.size() < organisationCount) {
            String[] o = ORGANISATIONS.next(random);
            organisations.put(o[0], o);
        }

        String[] first = places.get(0);
        String title = title(kind, first[1], first[2]);
        List<CountryMention> countryMentions = new ArrayList<>();
        for (String[] c : places) {
            body.words(6);
            Span span = body.name(c[1]);
            body.words(5);
            body.sentenceEnd();
            countryMentions.add(new CountryMention(c[0], List.of(span)));
        }
        for (String name : personNames) {
            String role = ROLES.next(random);
            body.text(role + " ");
            Span span = body.name(name);
            body.text(" said the talks covered ");
            body.words(8);
            body.sentenceEnd();
            persons.add(new PersonMention(name, role, List.of(span)));
        }
        List<OrganisationMention> organisationMentions = new ArrayList<>();
        for (String[] o : organisations.values()) {
            body.text("The ");
            Span span = body.name(o[1]);
            body.text(" welcomed ");
            body.words(7);
            body.sentenceEnd();
            organisationMentions.add(new OrganisationMention(o[0], o[1], List.of(span)));
        }
        List<LocationMention> locations = new ArrayList<>();
        if (random.nextDouble() < 0.7) {
            body.text("The meeting took place in ");
            Span span = body.name(first[2]);
            body.sentenceEnd();
            locations.add(new LocationMention(first[2], first[0], List.of(span)));
        }
        List<DateMention> dates = new ArrayList<>();
        int dateCount = random.nextInt(3);
        for (int i = 0; i < dateCount; i++) {
            dates.add(date(body, publishedAt));
        }
        for (int i = 0, extra = random.nextInt(4); i < extra; i++) {
            body.words(10 + random.nextInt(10));
            body.sentenceEnd();
        }
        String text = body.toString();
        String summary = text.substring(0, Math.min(text.length(), 160));
        String publisher = PUBLISHERS.next(random);
        Source source = new Source("https://www.gov.uk/government/news/" + id, publisher, "html");
        return new Announcement(id, 1, source, publishedAt, false, publishedAt.plusSeconds(60), "1.0.0", title,
                summary, text, kind, countryMentions, organisationMentions, persons, locations, dates, List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /** Revision 2: a corrected title and one more sentence, otherwise the same facts. */
    private Announcement revise(Announcement a) {
        return new Announcement(a.id(), 2, a.source(), a.publishedAt(), false, a.ingestedAt().plusSeconds(3600),
                a.parserVersion(), a.title() + " (updated)", a.summary(), a.bodyText() + " This story was updated.",
                a.kind(), a.countries(), a.organisations(), a.persons(), a.locations(), a.dates(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    private Kind kind() {
        double u = random.nextDouble() * kindCumulative[kindCumulative.length - 1];
        for (int i = 0; i < kindCumulative.length; i++) {
            if (u <= kindCumulative[i]) {
                return kinds.get(i);
            }
        }
        return Kind.OTHER;
    }

    private String title(Kind kind, String country, String capital) {
        String topic = WORDS.next(random) + " and " + WORDS.next(random);
        return switch (kind) {
            case VISIT -> "Foreign Secretary visits " + capital + " to discuss " + topic;
            case MEETING -> "Minister meets counterpart from " + country + " on " + topic;
            case SUMMIT -> "Leaders agree " + topic + " at summit in " + capital;
            case SANCTIONS_IMPOSED -> "New sanctions on " + country + " target " + topic;
            case SANCTIONS_LIFTED -> "Sanctions on " + country + " eased after progress on " + topic;
            case STATEMENT -> "Statement on " + country + ": " + topic;
            case DEFENCE_COOPERATION -> "Defence partnership with " + country + " deepens " + topic;
            case AID -> "New funding for " + country + " supports " + topic;
            case AGREEMENT -> "Agreement with " + country + " on " + topic + " signed";
            case OTHER -> "Update on " + topic + " in " + country;
        };
    }

    private DateMention date(Body body, Instant publishedAt) {
        LocalDate day = publishedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(random.nextInt(60) - 20);
        double u = random.nextDouble();
        Precision precision = u < 0.7 ? Precision.DAY : u < 0.9 ? Precision.MONTH : Precision.YEAR;
        String value = switch (precision) {
            case DAY -> day.toString();
            case MONTH -> day.toString().substring(0, 7);
            case YEAR -> day.toString().substring(0, 4);
        };
        body.text("Talks are planned for ");
        Span span = body.name(value);
        body.sentenceEnd();
        return new DateMention(value, precision, value, "event", List.of(span));
    }

    /** A body under construction, recording where names land so mentions carry real evidence spans. */
    private final class Body {
        private final StringBuilder text = new StringBuilder();

        void text(String s) {
            text.append(s);
        }

        Span name(String name) {
            int start = text.length();
            text.append(name);
            return new Span(start, text.length());
        }

        void words(int n) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
            for (int i = 0; i < n; i++) {
                text.append(WORDS.next(random)).append(' ');
            }
        }

        void sentenceEnd() {
            while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
            text.append(". ");
        }

        @Override
        public String toString() {
            return text.toString().trim();
        }
    }

    /** A bijective mix so ids look random but stay unique and reproducible. */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}

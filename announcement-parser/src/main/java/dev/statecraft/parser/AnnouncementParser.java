package dev.statecraft.parser;

import dev.statecraft.model.Amount;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.DateMention;
import dev.statecraft.model.Engagement;
import dev.statecraft.model.Kind;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Quantity;
import dev.statecraft.model.Quote;
import dev.statecraft.model.Sanction;
import dev.statecraft.model.Span;
import dev.statecraft.parser.dates.DateExtractor;
import dev.statecraft.parser.dates.PublicationDate;
import dev.statecraft.parser.engagements.EngagementExtractor;
import dev.statecraft.parser.gazetteer.Gazetteer;
import dev.statecraft.parser.kind.KindClassifier;
import dev.statecraft.parser.money.AmountExtractor;
import dev.statecraft.parser.money.QuantityExtractor;
import dev.statecraft.parser.people.People;
import dev.statecraft.parser.people.PersonExtractor;
import dev.statecraft.parser.places.PlaceExtractor;
import dev.statecraft.parser.quotes.QuoteExtractor;
import dev.statecraft.parser.sanctions.SanctionExtractor;
import dev.statecraft.parser.text.Anchors;
import dev.statecraft.parser.text.Body;
import dev.statecraft.parser.text.GovukContentReader;
import dev.statecraft.parser.text.HtmlReader;
import dev.statecraft.parser.text.Paragraph;
import dev.statecraft.parser.text.PlainTextReader;
import dev.statecraft.parser.text.SourceDocument;
import dev.statecraft.parser.text.TextViews;
import dev.statecraft.parser.text.TitleDeriver;
import dev.statecraft.parser.text.Whitespace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns one government announcement into a {@link ParsedAnnouncement}. Build once (it loads the gazetteers)
 * and share: it is immutable and thread-safe, does no I/O while parsing, and never throws on bad input.
 */
public final class AnnouncementParser {
    public static final String VERSION = "1.0.0";
    /** Home-country codes: mentioning only these does not make a text diplomatic. */
    private static final Set<String> HOME = Set.of("GB");
    /**
     * Where dates and amounts can start: one anchor pass serves both extractors. The vocabulary also works out, once,
     * which anchor words each extractor's start sets hold (it was done per parse).
     */
    private static final Anchors.Vocabulary ANCHOR_WORDS = new Anchors.Vocabulary(Stream.concat(
            DateExtractor.ANCHOR_WORDS.stream(), AmountExtractor.ANCHOR_WORDS.stream())
            .collect(Collectors.toUnmodifiableSet()), AmountExtractor.ANCHOR_SYMBOLS,
            Stream.of(DateExtractor.MATCH_SETS, AmountExtractor.MATCH_SETS, QuantityExtractor.MATCH_SETS)
                    .flatMap(List::stream).toList());
    private static final int LEAD_PARAGRAPHS = 2;
    private static final int LEAD_MIN_LENGTH = 80;

    private final Gazetteer gazetteer;
    private final PlaceExtractor places;
    private final PersonExtractor persons;

    public AnnouncementParser() {
        this(Gazetteer.load());
    }

    public AnnouncementParser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.places = new PlaceExtractor(gazetteer);
        this.persons = new PersonExtractor(gazetteer);
    }

    public ParsedAnnouncement parse(ParserInput input) {
        SourceDocument doc;
        try {
            doc = read(input);
        } catch (RuntimeException | StackOverflowError e) {
            doc = SourceDocument.of(null, Body.EMPTY, null, null, input.format().wire());
        }
        String title = input.title() != null && !input.title().isBlank() ? Whitespace.collapse(input.title())
                : doc.title() != null ? doc.title() : TitleDeriver.derive(doc.body());
        PublicationDate published = PublicationDate.of(input.publishedDate(), doc.publishedAt(),
                doc.publishedLine(), doc.body(), input.ingestedAt());
        try {
            return analyse(doc, title, published);
        } catch (RuntimeException | StackOverflowError e) {
            // Extraction is best effort: a document it cannot analyse still flows on with its text.
            return new ParsedAnnouncement(title, doc.summary(), doc.body().text(), published.instant(),
                    published.inferred(), doc.sourceUrl(), doc.publisher(), doc.format(), Kind.OTHER, List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
    }

    private static SourceDocument read(ParserInput input) {
        return switch (input.format()) {
            case TEXT -> PlainTextReader.read(input.content());
            case HTML -> HtmlReader.read(input.content());
            case GOVUK_CONTENT -> GovukContentReader.read(input.content());
        };
    }

    private ParsedAnnouncement analyse(SourceDocument doc, String title, PublicationDate published) {
        Body body = doc.body();
        String text = body.text();
        // One pass makes the copies every extractor reads: the chars (array reads beat charAt on UTF-16), one
        // folded copy for the gazetteer, the anchors and the kind cues, Latin-1 views of both for the indexOf of
        // cue words (one curly quote makes the text UTF-16, slow to search), and the word starts of the folded.
        TextViews views = TextViews.of(text);
        char[] folded = views.folded();
        char[] chars = views.chars();
        String foldedSearch = views.foldedSearch();
        String textSearch = views.textSearch();
        int[] wordStarts = views.wordStarts();
        Gazetteer.Matches matches = gazetteer.find(text, chars, folded, wordStarts);
        People people = persons.extract(text, views, matches, doc.metadataPeople());
        PlaceExtractor.Places found = places.extract(text, matches.places(), people.affiliations(),
                doc.metadataPlaces(), doc.metadataOrganisations());
        Anchors anchors = Anchors.find(views, ANCHOR_WORDS, AmountExtractor.ANCHOR_SYMBOLS);
        List<DateMention> dates = DateExtractor.extract(text, published.date(), anchors);
        BitSet claimed = new BitSet(text.length());
        for (DateMention d : dates) {
            for (Span s : d.spans()) {
                claimed.set(s.start(), s.end());
            }
        }
        List<Amount> amounts = AmountExtractor.extract(text, claimed, anchors);
        List<Quantity> quantities = QuantityExtractor.extract(text, claimed, anchors);
        List<Quote> quotes = QuoteExtractor.extract(body, people);
        List<Sanction> sanctions = SanctionExtractor.extract(body, foldedSearch, people.mentions(),
                quotes.stream().map(Quote::speaker).filter(s -> s != null).collect(Collectors.toSet()));
        Kind kind = KindClassifier.classify(title, doc.summary(), leadParagraphs(doc.body()), folded,
                wordStarts, isDiplomatic(found));
        List<Engagement> engagements = EngagementExtractor.extract(body, chars, folded, wordStarts, textSearch, kind, title, leadPerson(people, body),
                dates, found.locations(), published.date().toString());
        List<CountryMention> countries = found.countries();
        List<OrganisationMention> organisations = found.organisations();
        List<PersonMention> personMentions = people.mentions();
        return new ParsedAnnouncement(title, doc.summary(), text, published.instant(), published.inferred(),
                doc.sourceUrl(), doc.publisher(), doc.format(), kind, countries, organisations, personMentions,
                found.locations(), dates, amounts, quantities, quotes, sanctions, engagements);
    }

    /**
     * The first substantial paragraphs as {start, end}: with the summary, what a reader sees first after the
     * title (the lead of the kind cues).
     */
    private static List<int[]> leadParagraphs(Body body) {
        List<int[]> lead = new ArrayList<>(LEAD_PARAGRAPHS);
        for (Paragraph p : body.paragraphs()) {
            if (lead.size() == LEAD_PARAGRAPHS) {
                break;
            }
            if (p.end() - p.start() >= LEAD_MIN_LENGTH) {
                lead.add(new int[] {p.start(), p.end()});
            }
        }
        return lead;
    }

    /** Whether the text deals with other countries or international organisations. */
    private boolean isDiplomatic(PlaceExtractor.Places found) {
        return found.countries().stream().anyMatch(c -> !HOME.contains(c.code()))
                || found.organisations().stream().anyMatch(o -> gazetteer.isInternational(o.id()));
    }

    /** The first person named in the lead paragraph, for naming the reported visit. */
    private static String leadPerson(People people, Body body) {
        if (body.paragraphs().isEmpty()) {
            return null;
        }
        Paragraph first = body.paragraphs().get(0);
        for (PersonMention p : people.mentions()) {
            if (p.name() != null && p.spans().stream().anyMatch(s -> s.start() < first.end())) {
                return p.name();
            }
        }
        return null;
    }
}

package dev.statecraft.parser.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.Engagement;
import dev.statecraft.model.OrganisationMention;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Quote;
import dev.statecraft.parser.AnnouncementParser;
import dev.statecraft.parser.InputFormat;
import dev.statecraft.parser.ParserInput;
import dev.statecraft.parser.gazetteer.Gazetteer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * Runs the parser over every labelled fixture ({@code NAME.expected.json} beside {@code NAME.txt|.json|.html})
 * and scores each field: precision, recall and F1, micro-averaged over fixtures; kind and publication date as
 * accuracy. Only fields a label has are scored; {@code date: null} labels and descriptive roles (with commas)
 * are not counted either way.
 *
 * <p>{@code main([fixtureDir] [reportFile])}; defaults: the fixtures on the test classpath and
 * {@code target/evaluation.txt}.
 */
public final class FixtureEvaluation {
    /** Ingest time for every fixture: after all of them were published, as in a real backfill. */
    static final Instant INGESTED_AT = Instant.parse("2025-12-01T00:00:00Z");
    static final List<String> FIELDS = List.of("countries", "organisations", "persons", "roles", "dates", "amounts",
            "quantities", "quote speakers", "sanction targets", "engagements");

    private final Gazetteer gazetteer = Gazetteer.load();
    private final Map<String, FieldScore> scores = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int fixtures;
    private int kindsRight;
    private int datesPublished;
    private int datesPublishedRight;
    private final String setName;

    private FixtureEvaluation(String setName) {
        this.setName = setName;
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : classpathFixtures();
        Path report = Path.of(args.length > 1 ? args[1] : "target/evaluation.txt");
        FixtureEvaluation evaluation = run(new AnnouncementParser(), dir);
        String text = evaluation.report();
        System.out.println(text);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text, StandardCharsets.UTF_8);
    }

    static Path classpathFixtures() {
        return classpathDirectory("/fixtures");
    }

    /** The project's own texts ({@code src/test/resources/unseen}), scored apart from the fixtures. */
    static Path ownTexts() {
        return classpathDirectory("/unseen");
    }

    private static Path classpathDirectory(String name) {
        try {
            return Path.of(FixtureEvaluation.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FixtureEvaluation run(AnnouncementParser parser, Path dir) throws IOException {
        return run(parser, dir, "labelled fixtures");
    }

    /** @param setName what the labelled texts are, for the report's heading */
    static FixtureEvaluation run(AnnouncementParser parser, Path dir, String setName) throws IOException {
        FixtureEvaluation evaluation = new FixtureEvaluation(setName);
        FIELDS.forEach(f -> evaluation.scores.put(f, new FieldScore()));
        List<Path> labels;
        try (Stream<Path> files = Files.list(dir)) {
            labels = files.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
        for (Path label : labels) {
            String name = label.getFileName().toString().replace(".expected.json", "");
            Path input = Stream.of(".txt", ".json", ".html").map(ext -> dir.resolve(name + ext))
                    .filter(Files::exists).findFirst().orElse(null);
            if (input != null) {
                evaluation.score(name, parser.parse(inputOf(input)), AnnouncementJson.mapper().readTree(
                        Files.readString(label, StandardCharsets.UTF_8)));
            }
        }
        return evaluation;
    }

    static ParserInput inputOf(Path file) throws IOException {
        String name = file.getFileName().toString();
        InputFormat format = name.endsWith(".json") ? InputFormat.GOVUK_CONTENT
                : name.endsWith(".html") ? InputFormat.HTML : InputFormat.TEXT;
        return new ParserInput(Files.readString(file, StandardCharsets.UTF_8), format, null, null, INGESTED_AT);
    }

    private void score(String name, ParsedAnnouncement parsed, JsonNode label) {
        fixtures++;
        String expectedKind = label.path("kind").asText();
        if (parsed.kind().wire().equals(expectedKind)) {
            kindsRight++;
        } else {
            notes.add(name + ": kind " + parsed.kind().wire() + ", expected " + expectedKind);
        }
        if (label.has("published_at")) {
            datesPublished++;
            String got = parsed.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            if (got.equals(label.path("published_at").asText())) {
                datesPublishedRight++;
            } else {
                notes.add(name + ": published_at " + got + ", expected " + label.path("published_at").asText());
            }
        }
        if (label.has("countries")) {
            compare(name, "countries", texts(label.path("countries")),
                    parsed.countries().stream().map(c -> c.code()).toList(), String::equals);
        }
        if (label.has("organisations")) {
            compare(name, "organisations", texts(label.path("organisations")), parsed.organisations(),
                    this::sameOrganisation);
        }
        if (label.has("persons")) {
            List<String> expected = new ArrayList<>();
            label.path("persons").forEach(p -> expected.add(p.path("name").asText() + "|"
                    + p.path("mention").asText("")));
            List<PersonMention> named = parsed.persons().stream().filter(p -> p.name() != null).toList();
            compare(name, "persons", expected, named, (e, p) -> samePerson(e, p, parsed.bodyText()));
            List<String> roles = new ArrayList<>();
            label.path("persons").forEach(p -> {
                for (String role : p.path("role").asText("").split(";")) {
                    roles.add(role.strip());
                }
            });
            texts(label.path("roles_without_names")).forEach(roles::add);
            roles.removeIf(r -> r.isEmpty() || r.contains(","));
            compare(name, "roles", roles.stream().distinct().toList(), parsed.persons().stream().map(PersonMention::role)
                    .filter(r -> r != null).distinct().toList(), FixtureEvaluation::sameRole);
        }
        if (label.has("dates")) {
            Set<String> unresolved = new HashSet<>();
            List<String> expected = new ArrayList<>();
            label.path("dates").forEach(d -> {
                if (d.path("date").isNull()) {
                    unresolved.add(d.path("text").asText());
                } else {
                    expected.add(d.path("date").asText() + "|" + d.path("precision").asText());
                }
            });
            List<String> predicted = parsed.dates().stream().filter(d -> !unresolved.contains(d.text()))
                    .map(d -> d.date() + "|" + d.precision().wire()).distinct().toList();
            compare(name, "dates", expected.stream().distinct().toList(), predicted, String::equals);
        }
        if (label.has("amounts")) {
            List<String> expected = new ArrayList<>();
            label.path("amounts").forEach(a -> expected.add(money(a.path("value").decimalValue(),
                    a.path("currency").asText())));
            compare(name, "amounts", expected, parsed.amounts().stream().map(a -> money(a.value(), a.currency()))
                    .toList(), String::equals);
        }
        if (label.has("quantities")) {
            List<String> expected = new ArrayList<>();
            label.path("quantities").forEach(q -> expected.add(money(q.path("value").decimalValue(),
                    q.path("unit").asText())));
            compare(name, "quantities", expected, parsed.quantities().stream().map(q -> money(q.value(), q.unit()))
                    .toList(), String::equals);
        }
        if (label.has("quotes")) {
            List<String> expected = new ArrayList<>();
            label.path("quotes").forEach(q -> expected.add(q.path("speaker").asText() + "|"
                    + q.path("speaker_role").asText("")));
            compare(name, "quote speakers", expected, parsed.quotes().stream().map(Quote::speaker).toList(),
                    (e, speaker) -> speaker != null && List.of(e.split("\\|")).stream()
                            .anyMatch(s -> !s.isEmpty() && normal(s).equals(normal(speaker))));
        }
        scoreSanctionsAndEngagements(name, parsed, label);
    }

    /** Targets by name and type; engagements by date and kind or place ("meeting in Brussels on Thursday"). */
    private void scoreSanctionsAndEngagements(String name, ParsedAnnouncement parsed, JsonNode label) {
        List<String> targets = new ArrayList<>();
        label.path("sanctions").forEach(s -> s.path("targets").forEach(t -> targets.add(t.path("name").asText()
                + "|" + t.path("type").asText())));
        if (!targets.isEmpty()) {
            compare(name, "sanction targets", targets, parsed.sanctions().stream()
                    .flatMap(s -> s.targets().stream()).map(t -> t.name() + "|" + t.type()).distinct().toList(),
                    (e, p) -> normal(e).equals(normal(p)));
        }
        if (label.has("engagements")) {
            List<String> expected = new ArrayList<>();
            label.path("engagements").forEach(e -> expected.add(e.path("kind").asText() + "|"
                    + e.path("date").asText("") + "|" + e.path("place").asText("")));
            compare(name, "engagements", expected, parsed.engagements(), FixtureEvaluation::sameEngagement);
        }
    }

    private static boolean sameEngagement(String expected, Engagement predicted) {
        String[] parts = expected.split("\\|", -1);
        boolean sameDate = parts[1].equals(predicted.date() == null ? "" : predicted.date());
        return sameDate && (parts[0].equals(predicted.kind().wire())
                || !parts[2].isEmpty() && normal(parts[2]).equals(normal(predicted.place())));
    }

    /** Greedy one-to-one matching of expected to predicted values. */
    private <T> void compare(String fixture, String field, List<String> expected, List<T> predicted,
            BiPredicate<String, T> same) {
        List<T> unmatched = new ArrayList<>(predicted);
        int tp = 0;
        List<String> missed = new ArrayList<>();
        for (String e : expected) {
            T hit = unmatched.stream().filter(p -> same.test(e, p)).findFirst().orElse(null);
            if (hit != null) {
                unmatched.remove(hit);
                tp++;
            } else {
                missed.add(e);
            }
        }
        scores.get(field).add(tp, unmatched.size(), missed.size());
        if (!missed.isEmpty()) {
            notes.add(fixture + ": " + field + " missed " + missed);
        }
        if (!unmatched.isEmpty()) {
            notes.add(fixture + ": " + field + " extra " + unmatched.stream().map(FixtureEvaluation::describe)
                    .toList());
        }
    }

    private static String describe(Object o) {
        if (o instanceof OrganisationMention org) {
            return org.id();
        }
        if (o instanceof PersonMention p) {
            return p.name() != null ? p.name() : p.role();
        }
        return String.valueOf(o);
    }

    /** By id or name; a label's spelling variant ("World Trade Organisation") counts through the gazetteer. */
    private boolean sameOrganisation(String expected, OrganisationMention predicted) {
        String canonical = gazetteer.organisation(expected).map(e -> e.key()).orElse(expected);
        return normal(expected).equals(normal(predicted.id())) || normal(expected).equals(normal(predicted.name()))
                || normal(canonical).equals(normal(predicted.id()));
    }

    private static boolean samePerson(String expected, PersonMention predicted, String body) {
        String[] parts = expected.split("\\|", -1);
        if (normal(parts[0]).equals(normal(predicted.name()))) {
            return true;
        }
        return !parts[1].isEmpty() && predicted.spans().stream()
                .anyMatch(s -> normal(body.substring(s.start(), s.end())).equals(normal(parts[1])));
    }

    /** Roles match when one contains the other ("EU President" / "President"), ignoring case and plurals. */
    private static boolean sameRole(String expected, String predicted) {
        String e = normal(expected).replaceFirst("^the ", "").replaceAll("s$", "");
        String p = normal(predicted).replaceFirst("^the ", "").replaceAll("s$", "");
        return e.contains(p) || p.contains(e);
    }

    private static String money(BigDecimal value, String unit) {
        return value.stripTrailingZeros().toPlainString() + " " + unit.toLowerCase(Locale.ROOT);
    }

    private static String normal(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('’', '\'')
                .toLowerCase(Locale.ROOT).strip();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    double kindAccuracy() {
        return fixtures == 0 ? 0 : (double) kindsRight / fixtures;
    }

    FieldScore score(String field) {
        return scores.get(field);
    }

    int fixtureCount() {
        return fixtures;
    }

    String report() {
        StringBuilder out = new StringBuilder();
        out.append("Announcement parser ").append(AnnouncementParser.VERSION).append(": evaluation over ")
                .append(fixtures).append(' ').append(setName).append(" (micro-averaged)\n\n");
        out.append(String.format("%-16s %6s %6s %6s%n", "field", "P", "R", "F1"));
        out.append(String.format("%-16s %6.3f   (%d/%d)%n", "kind accuracy", kindAccuracy(), kindsRight, fixtures));
        out.append(String.format("%-16s %6.3f   (%d/%d)%n", "published date",
                datesPublished == 0 ? 0 : (double) datesPublishedRight / datesPublished, datesPublishedRight,
                datesPublished));
        scores.forEach((field, score) -> {
            if (score.counted()) {
                out.append(score.row(field)).append('\n');
            }
        });
        out.append("\nDifferences from the labels:\n");
        notes.forEach(n -> out.append("  ").append(n).append('\n'));
        return out.toString();
    }

    static void writeReport(Path file, FixtureEvaluation... evaluations) {
        StringBuilder text = new StringBuilder();
        for (FixtureEvaluation evaluation : evaluations) {
            text.append(text.isEmpty() ? "" : "\n\n").append(evaluation.report());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.statecraft.load.drill;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One of the drill's subscriptions: its filters, and the drill's own idea of what they match, written from
 * the subscription rules (countries any-of, kinds any-of, keywords as whole phrases in title and body, AND
 * across fields, empty matches everything) independently of notify-service's code, so that a matching bug in
 * the service shows up as lost or unexpected alerts.
 */
record DrillSubscription(int number, List<String> countries, List<String> kinds, List<String> keywords) {

    private static final List<String> COUNTRIES = List.of("UA", "FR", "DE", "PL", "US", "JP", "IN", "CN", "KE",
            "NG", "BR", "CA", "AU", "RU", "IR", "BY", "KP", "SY", "MM", "EE", "TR", "SA", "EG", "GE", "IE");
    private static final List<String> KINDS = List.of("visit", "meeting", "summit", "sanctions_imposed",
            "sanctions_lifted", "statement", "defence_cooperation", "aid", "agreement", "other");
    private static final List<String> KEYWORDS = List.of("energy security", "critical minerals", "Kyiv",
            "humanitarian aid", "asset freeze", "joint exercises", "memorandum of understanding", "climate finance",
            "shadow fleet", "G7", "NATO", "cyber security");

    /** Fifty varied filters: one that matches everything, then countries, kinds, keywords and mixes of them. */
    static List<DrillSubscription> fifty() {
        List<DrillSubscription> all = new ArrayList<>();
        all.add(new DrillSubscription(0, List.of(), List.of(), List.of()));
        for (int n = 1; all.size() < 50; n++) {
            List<String> countries = List.of();
            List<String> kinds = List.of();
            List<String> keywords = List.of();
            switch (n % 5) {
                case 0 -> countries = List.of(at(COUNTRIES, n), at(COUNTRIES, n * 7 + 3));
                case 1 -> kinds = List.of(at(KINDS, n));
                case 2 -> keywords = List.of(at(KEYWORDS, n));
                case 3 -> {
                    countries = List.of(at(COUNTRIES, n * 3));
                    kinds = List.of(at(KINDS, n), at(KINDS, n + 4));
                }
                default -> {
                    kinds = List.of(at(KINDS, n * 2));
                    keywords = List.of(at(KEYWORDS, n), at(KEYWORDS, n * 5 + 1));
                }
            }
            all.add(new DrillSubscription(n, countries, kinds, keywords));
        }
        return all;
    }

    private static String at(List<String> values, int n) {
        return values.get(Math.floorMod(n, values.size()));
    }

    /** The path under the receiver that this subscription's webhooks go to. */
    String path() {
        return "/hooks/s" + number;
    }

    String requestJson(String webhookUrl, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("webhook_url", webhookUrl);
        body.put("secret", secret);
        body.put("countries", countries);
        body.put("kinds", kinds);
        body.put("keywords", keywords);
        return AnnouncementJson.write(body);
    }

    boolean matches(Announcement a) {
        if (!countries.isEmpty() && a.countryCodes().stream().noneMatch(countries::contains)) {
            return false;
        }
        if (!kinds.isEmpty() && !kinds.contains(a.kind().wire())) {
            return false;
        }
        if (keywords.isEmpty()) {
            return true;
        }
        String text = a.title() + "\n" + (a.bodyText() == null ? "" : a.bodyText());
        return keywords.stream().anyMatch(k -> phrase(k).matcher(text).find());
    }

    /** A keyword as a whole phrase: not inside a longer word, its words split by any white space, any case. */
    private static Pattern phrase(String keyword) {
        return PHRASES.computeIfAbsent(keyword, DrillSubscription::compile);
    }

    private static final Map<String, Pattern> PHRASES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compile(String keyword) {
        String words = String.join("\\s+", java.util.Arrays.stream(keyword.trim().split("\\s+"))
                .map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + words + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "s%d countries=%s kinds=%s keywords=%s", number, countries, kinds, keywords);
    }
}

package dev.statecraft.notify.bench;

import dev.statecraft.model.Kind;
import dev.statecraft.notify.matching.SubscriptionIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One announcement (about 3 kB of text, two countries, one kind) matched against an index of N subscriptions
 * with a realistic mix of filters (seeded, so every run indexes the same population): 30 % without a country
 * filter, else 1–3 of 60 countries; 40 % without a kind filter, else 1–2 of the 10 kinds; 50 % without
 * keywords, else 1–3 phrases (one to three words) out of 5,000, built from a pool of 1,500 words of which the
 * text uses a few hundred.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatchingBenchmark {
    static final String[] COUNTRIES = java.util.Arrays.stream(Locale.getISOCountries()).limit(60)
            .toArray(String[]::new);

    @Param({"100000"})
    public int subscriptions;

    SubscriptionIndex index;
    String text;
    List<String> countries;
    String kind;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        String[] words = new String[1500];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(random);
        }
        String[] phrases = new String[5000];
        for (int i = 0; i < phrases.length; i++) {
            int n = 1 + random.nextInt(3);
            StringBuilder p = new StringBuilder();
            for (int j = 0; j < n; j++) {
                p.append(j == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            phrases[i] = p.toString();
        }
        Kind[] kinds = Kind.values();
        List<SubscriptionIndex.Entry> entries = new ArrayList<>(subscriptions);
        for (int i = 0; i < subscriptions; i++) {
            entries.add(new SubscriptionIndex.Entry(new UUID(random.nextLong(), random.nextLong()),
                    random.nextDouble() < 0.3 ? List.of() : pick(random, COUNTRIES, 1 + random.nextInt(3)),
                    random.nextDouble() < 0.4 ? List.of() : pick(random,
                            java.util.Arrays.stream(kinds).map(Kind::wire).toArray(String[]::new), 1 + random.nextInt(2)),
                    random.nextDouble() < 0.5 ? List.of() : pick(random, phrases, 1 + random.nextInt(3))));
        }
        index = SubscriptionIndex.of(entries);
        // ~450 words of text drawn from the first 400 words of the pool, with punctuation and line breaks
        StringBuilder t = new StringBuilder("Foreign Secretary announces new sanctions\n");
        for (int i = 0; i < 450; i++) {
            t.append(words[random.nextInt(400)]).append(i % 17 == 16 ? ".\n" : (i % 7 == 6 ? ", " : " "));
        }
        text = t.toString();
        countries = List.of(COUNTRIES[3], COUNTRIES[10]);
        kind = Kind.SANCTIONS_IMPOSED.wire();
    }

    private static String word(Random random) {
        int length = 4 + random.nextInt(6);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < length; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static List<String> pick(Random random, String[] from, int n) {
        List<String> picked = new ArrayList<>();
        while (picked.size() < n) {
            String s = from[random.nextInt(from.length)];
            if (!picked.contains(s)) {
                picked.add(s);
            }
        }
        return picked;
    }

    @Benchmark
    public List<UUID> matchOneAnnouncement() {
        return index.match(countries, kind, text);
    }
}

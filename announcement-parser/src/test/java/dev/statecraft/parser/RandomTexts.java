package dev.statecraft.parser;

import java.util.Random;

/** Random texts for tests that compare a scanner with the pattern or code it replaced. */
public final class RandomTexts {
    private RandomTexts() {
    }

    /** Between {@code min} (inclusive) and {@code max} (exclusive) pieces, each drawn from {@code pieces}. */
    public static String joined(Random random, String[] pieces, int min, int max) {
        StringBuilder s = new StringBuilder();
        int count = random.nextInt(min, max);
        for (int i = 0; i < count; i++) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }
}

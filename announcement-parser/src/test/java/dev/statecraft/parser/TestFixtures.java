package dev.statecraft.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test resources and a shared parser (building one loads the gazetteers). */
public final class TestFixtures {
    public static final AnnouncementParser PARSER = new AnnouncementParser();
    /** An ingest time after every fixture's publication. */
    public static final Instant INGESTED = Instant.parse("2025-12-01T00:00:00Z");

    private TestFixtures() {
    }

    public static String resource(String path) {
        try (InputStream in = TestFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

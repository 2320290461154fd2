package dev.statecraft.parser.bench;

import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.parser.AnnouncementParser;
import dev.statecraft.parser.ParserInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parse throughput on the seed press release repeated 1, 10 and 100 times (linearity in length). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {
    @Param({"1", "10", "100"})
    public int copies;

    private AnnouncementParser parser;
    private ParserInput input;

    @Setup
    public void setUp() throws IOException {
        parser = new AnnouncementParser();
        String seed;
        try (InputStream in = ParserBenchmark.class.getResourceAsStream("/fixtures/uk-eu-kallas-london.txt")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String text = String.join("\n\n", java.util.Collections.nCopies(copies, seed));
        input = ParserInput.text(text, Instant.parse("2025-12-01T00:00:00Z"));
    }

    @Benchmark
    public ParsedAnnouncement parse() {
        return parser.parse(input);
    }
}

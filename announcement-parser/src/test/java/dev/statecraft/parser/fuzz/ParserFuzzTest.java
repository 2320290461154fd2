package dev.statecraft.parser.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.statecraft.model.ParsedAnnouncement;
import dev.statecraft.parser.InputFormat;
import dev.statecraft.parser.ParserInput;
import dev.statecraft.parser.SpanAssertions;
import dev.statecraft.parser.TestFixtures;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fuzz target: any content in any format parses without an exception and with valid spans. In the normal test
 * run this replays the inputs in {@code ParserFuzzTestInputs/} (regression mode); {@code JAZZER_FUZZ=1}
 * fuzzes for real (see the module README).
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parsesAnythingWithoutThrowing(FuzzedDataProvider data) {
        InputFormat format = data.pickValue(InputFormat.values());
        boolean dated = data.consumeBoolean();
        LocalDate published = dated ? LocalDate.ofEpochDay(data.consumeLong(-100_000, 100_000)) : null;
        Instant ingested = Instant.ofEpochSecond(data.consumeLong(0, 4_000_000_000L));
        String content = data.consumeRemainingAsString();
        ParsedAnnouncement parsed = TestFixtures.PARSER.parse(new ParserInput(content, format, null, published,
                ingested));
        SpanAssertions.assertValid(parsed);
    }
}

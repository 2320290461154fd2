package dev.statecraft.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.ParsedAnnouncement;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Hostile and broken inputs: the parser answers, with valid spans, and never throws. */
class RobustnessTest {
    private static final int ONE_MIB = 1 << 20;

    static Stream<Arguments> hostileInputs() {
        Random random = new Random(42);
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        String binaryText = new String(binary, java.nio.charset.StandardCharsets.ISO_8859_1);
        String deepHtml = "<div>".repeat(20_000) + "Kaja Kallas said: “deep”" + "</div>".repeat(20_000);
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("blank", " \n\n\t \r\n "),
                Arguments.of("1 MiB of a", "a".repeat(ONE_MIB)),
                Arguments.of("1 MiB of digits", "9".repeat(ONE_MIB)),
                Arguments.of("256 KiB of wrapped lines", "Foreign Secretary said: “UK\n".repeat(ONE_MIB / 4 / 28)),
                Arguments.of("random binary", binaryText),
                Arguments.of("broken html", "<html><body><p>Open <b>bold <i>italic</p></div></span><script>x("
                        + "</body><p>“Unclosed quote, said the Prime Minister"),
                Arguments.of("deeply nested html", deepHtml),
                Arguments.of("unbalanced quotes", "“““ ” “Foreign Secretary said:\n\n“One\n\n“Two\n\n“Three"),
                Arguments.of("mixed scripts", "Президент Путин 習近平 وزير الخارجية UK-EU £5m 😀 \uD800 lone"),
                Arguments.of("malformed json", "{\"title\": \"x\", \"details\": {\"body\": "),
                Arguments.of("json array", "[1, 2, {\"details\": null}]"),
                Arguments.of("only punctuation", ".,;:!?“”\"'()[]{}–—-".repeat(1000)),
                Arguments.of("dates gone wrong", "On 31 February and 99 March 2025, today (Funday 40 May) 0/0/0000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void neverThrowsInAnyFormat(String name, String content) {
        for (InputFormat format : InputFormat.values()) {
            ParsedAnnouncement parsed = TestFixtures.PARSER.parse(
                    new ParserInput(content, format, null, null, TestFixtures.INGESTED));
            SpanAssertions.assertValid(parsed);
            assertThat(parsed.title()).isNotBlank();
            assertThat(parsed.format()).isEqualTo(format.wire());
        }
    }

    @Test
    void malformedGovukJsonIsAnEmptyDocument() {
        ParsedAnnouncement parsed = TestFixtures.PARSER.parse(ParserInput.govukContent("{not json",
                TestFixtures.INGESTED));
        assertThat(parsed.bodyText()).isEmpty();
        assertThat(parsed.publishedAt()).isEqualTo(TestFixtures.INGESTED);
        assertThat(parsed.publishedAtInferred()).isTrue();
    }

    /**
     * A long document is parsed whole (a hang guard, not a speed target: the JMH benchmark measures speed and
     * linearity).
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aLongDocumentIsParsedWhole() {
        String big = TestFixtures.resource("/fixtures/uk-eu-kallas-london.txt").repeat(100);
        ParsedAnnouncement parsed = TestFixtures.PARSER.parse(ParserInput.text(big, TestFixtures.INGESTED));
        SpanAssertions.assertValid(parsed);
        assertThat(parsed.quotes()).hasSize(200);
    }
}

package dev.statecraft.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.parser.InputFormat;
import dev.statecraft.parser.TestFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParserCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParserCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectPerFileWithTheContractFieldNames() throws IOException {
        Path text = Files.writeString(dir.resolve("seed.txt"),
                TestFixtures.resource("/fixtures/uk-eu-kallas-london.txt"));
        Path json = Files.writeString(dir.resolve("item.json"),
                TestFixtures.resource("/fixtures/govuk-world-news-story-pm-christmas-message-azerbaijan.json"));

        int status = run("--published", "2025-03-18", text.toString(), json.toString());

        assertThat(status).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = AnnouncementJson.read(lines[0], Map.class);
        assertThat(first).containsKeys("title", "body_text", "published_at", "kind", "countries", "quotes");
        assertThat(first.get("published_at")).isEqualTo("2025-03-18T00:00:00Z");
        assertThat(first.get("format")).isEqualTo("text");
        assertThat(AnnouncementJson.read(lines[1], Map.class).get("format")).isEqualTo("govuk-content");
    }

    @Test
    void reportsUnreadableFilesOnStderrAndFailsAtTheEnd() throws IOException {
        Path good = Files.writeString(dir.resolve("good.html"), "<p>The UK and France met in Paris.</p>");

        int status = run(dir.resolve("missing.txt").toString(), good.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.txt");
        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).hasSize(1);
    }

    @Test
    void rejectsABadDateAndMissingFiles() {
        assertThat(run("--published", "18/03/2025", "x.txt")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void choosesTheFormatByExtension() {
        assertThat(ParserCli.formatOf(Path.of("a.json"))).isEqualTo(InputFormat.GOVUK_CONTENT);
        assertThat(ParserCli.formatOf(Path.of("a.HTM"))).isEqualTo(InputFormat.HTML);
        assertThat(ParserCli.formatOf(Path.of("a.html"))).isEqualTo(InputFormat.HTML);
        assertThat(ParserCli.formatOf(Path.of("notes.md"))).isEqualTo(InputFormat.TEXT);
    }
}

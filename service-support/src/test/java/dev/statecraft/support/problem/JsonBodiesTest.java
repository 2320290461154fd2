package dev.statecraft.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void aBodyThatWouldLoseDataIsRefusedWithTheReason() {
        assertThat(problemOf(() -> JsonBodies.object("  ", "Send a source."))).satisfies(p -> {
            assertThat(p.type()).endsWith("/empty-body");
            assertThat(p.detail()).isEqualTo("Send a source.");
        });
        assertThat(problemOf(() -> JsonBodies.object("{\"a\":1,\"a\":2}", "")).detail()).contains("Duplicate field 'a'");
        assertThat(problemOf(() -> JsonBodies.object("{\"a\":1} {}", "")).type()).endsWith("/malformed-json");
        assertThat(problemOf(() -> JsonBodies.object("{\"a\":", "")).detail()).contains("line 1");
        assertThat(problemOf(() -> JsonBodies.object("[1]", "")).detail()).contains("JSON object");
    }

    @Test
    void fieldsAreNamedWhenWrong() {
        ObjectNode object = JsonBodies.object("{\"name\":\"x\",\"count\":3,\"gone\":null}", "");
        assertThat(JsonBodies.text(object, "name")).isEqualTo("x");
        assertThat(JsonBodies.text(object, "gone")).isNull();
        assertThat(JsonBodies.text(object, "absent")).isNull();
        assertThat(problemOf(() -> JsonBodies.text(object, "count")).parameter()).isEqualTo("count");
        assertThat(problemOf(() -> JsonBodies.onlyKnownFields(object, Set.of("name", "gone")))).satisfies(p -> {
            assertThat(p.parameter()).isEqualTo("count");
            assertThat(p.detail()).contains("known fields are gone, name");
        });
    }

    @Test
    void datesAndUrls() {
        assertThat(JsonBodies.instant("from", "2025-03-18")).isEqualTo(Instant.parse("2025-03-18T00:00:00Z"));
        assertThat(JsonBodies.instant("from", "2025-03-18T09:30:00+01:00"))
                .isEqualTo(Instant.parse("2025-03-18T08:30:00Z"));
        assertThat(problemOf(() -> JsonBodies.instant("from", "18/03/2025")).parameter()).isEqualTo("from");
        assertThat(JsonBodies.httpUrl("feed_url", " https://www.gov.uk/feed ")).isEqualTo("https://www.gov.uk/feed");
        for (String bad : new String[] {"ftp://x.org/", "/relative", "https://", "http://exa mple.org"}) {
            assertThat(problemOf(() -> JsonBodies.httpUrl("feed_url", bad)).parameter()).isEqualTo("feed_url");
        }
    }

    private static Problem problemOf(Runnable call) {
        Problem[] seen = new Problem[1];
        Consumer<ProblemException> keep = e -> seen[0] = e.problem();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, keep);
        assertThat(seen[0].status()).isEqualTo(400);
        return seen[0];
    }
}

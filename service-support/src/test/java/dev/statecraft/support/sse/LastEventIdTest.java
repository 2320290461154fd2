package dev.statecraft.support.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.support.problem.ProblemException;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LastEventIdTest {
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void noHeaderMeansAFreshStart(String header) {
        assertThat(LastEventId.parse(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "42", " 42 "})
    void anIdResumesAfterIt(String header) {
        assertThat(LastEventId.parse(header)).isEqualTo(OptionalLong.of(Long.parseLong(header.trim())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "99999999999999999999"})
    void anythingElseIsA400NamingTheHeader(String header) {
        assertThatThrownBy(() -> LastEventId.parse(header)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem()).extracting(p -> p.status(), p -> p.parameter())
                        .containsExactly(400, "Last-Event-ID"));
    }
}

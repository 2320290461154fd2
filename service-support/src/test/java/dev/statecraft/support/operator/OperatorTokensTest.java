package dev.statecraft.support.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.support.problem.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorTokensTest {
    final OperatorTokens tokens = new OperatorTokens(Optional.of(" single-token "),
            Optional.of("alice:alice-token, ci:ci-token,"));

    @Test
    void namedTokensSayWhoActs() {
        assertThat(tokens.identify("alice-token")).contains(new Operator("alice"));
        assertThat(tokens.identify("ci-token")).contains(new Operator("ci"));
        assertThat(tokens.identify("single-token")).contains(new Operator("operator"));
        assertThat(tokens.identify("alice-toke")).isEmpty();
        assertThat(tokens.require("bearer   ci-token ")).isEqualTo(new Operator("ci"));
    }

    @Test
    void noBearerTokenIs401AndAWrongOneIs403() {
        for (String header : new String[] {null, "", "Basic YTpi", "Bearer ", "Bearer"}) {
            assertThatThrownBy(() -> tokens.require(header)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().status()).isEqualTo(401));
        }
        assertThatThrownBy(() -> tokens.require("Bearer nope")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    @Test
    void withNothingConfiguredOperatorAccessIsOff() {
        OperatorTokens none = new OperatorTokens(Optional.empty(), Optional.empty());
        assertThat(none.configured()).isFalse();
        assertThat(none.identify("")).isEmpty();
        assertThatThrownBy(() -> none.require("Bearer anything")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().detail()).contains("operator access is off"));
    }

    @Test
    void aMalformedEntryIsRefusedWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> new OperatorTokens(Optional.empty(), Optional.of("s3cret-without-name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret");
    }

    @Test
    void aTokenSharedByTwoNamesOrANameGivenTwiceRefusesToStart() {
        assertThatThrownBy(() -> new OperatorTokens(Optional.of("s3cret"), Optional.of("ci: s3cret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'operator' and 'ci'")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new OperatorTokens(Optional.empty(), Optional.of("ci:s3cret-a,ci:s3cret-b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ci' is configured twice")
                .hasMessageNotContaining("s3cret");
    }
}

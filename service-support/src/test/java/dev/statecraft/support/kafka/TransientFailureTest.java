package dev.statecraft.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away, try again" (503 / retry) rather than a bug (500 / dead letter). */
class TransientFailureTest {

    @Test
    void anExhaustedPoolOrAnUnreachableDatabaseIsTransient() {
        // the exceptions Agroal throws, with no SQLState, wrapped as Hibernate and Quarkus wrap them
        assertThat(ApplyWithRetry.isTransient(new RuntimeException("could not prepare statement",
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(ApplyWithRetry.isTransient(new IllegalStateException(new SQLException(
                "Acquisition timeout while waiting for new connection", new ConnectException("refused"))))).isTrue();
        assertThat(ApplyWithRetry.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ApplyWithRetry.isTransient(new SQLException("connection failure", "08006"))).isTrue();
        assertThat(ApplyWithRetry.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
    }

    @Test
    void aBadStatementOrAConstraintIsNot() {
        assertThat(ApplyWithRetry.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(ApplyWithRetry.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ApplyWithRetry.isTransient(new SQLException("no state, no timeout"))).isFalse();
        assertThat(ApplyWithRetry.isTransient(new IllegalArgumentException("bug"))).isFalse();
    }
}

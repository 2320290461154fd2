package dev.statecraft.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.notify.webhook.WebhookSender.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    private static final Instant NOW = Instant.parse("2025-03-18T12:00:00Z");

    private static Outcome status(int code) {
        return new Outcome(code, Optional.empty(), "HTTP " + code);
    }

    @Test
    void successAndGoneEndTheRetries() {
        RetryPolicy policy = new RetryPolicy(STANDARD, () -> 0.0);
        assertThat(policy.after(1, status(200), NOW)).isInstanceOf(RetryPolicy.Delivered.class);
        assertThat(policy.after(3, status(204), NOW)).isInstanceOf(RetryPolicy.Delivered.class);
        assertThat(policy.after(1, status(410), NOW)).isInstanceOf(RetryPolicy.EndpointGone.class);
    }

    @Test
    void failuresFollowTheScheduleThenExhaust() {
        RetryPolicy policy = new RetryPolicy(STANDARD, () -> 0.0);
        for (int attempt = 1; attempt <= STANDARD.size(); attempt++) {
            assertThat(policy.after(attempt, status(500), NOW))
                    .isEqualTo(new RetryPolicy.RetryIn(STANDARD.get(attempt - 1)));
        }
        assertThat(policy.after(8, status(500), NOW)).isInstanceOf(RetryPolicy.Exhausted.class);
        assertThat(policy.after(2, new Outcome(0, Optional.empty(), "timed out"), NOW))
                .isEqualTo(new RetryPolicy.RetryIn(Duration.ofMinutes(5)));
    }

    @Test
    void jitterStretchesDelaysByUpToAFifth() {
        RetryPolicy most = new RetryPolicy(STANDARD, () -> 0.999);
        Duration delay = ((RetryPolicy.RetryIn) most.after(2, status(502), NOW)).delay();
        assertThat(delay).isGreaterThan(Duration.ofMinutes(5)).isLessThan(Duration.ofMinutes(6));
    }

    @Test
    void retryAfterOf429And503IsHonoured() {
        RetryPolicy policy = new RetryPolicy(STANDARD, () -> 0.5);
        assertThat(policy.after(1, new Outcome(429, Optional.of("120"), "HTTP 429"), NOW))
                .isEqualTo(new RetryPolicy.RetryIn(Duration.ofSeconds(120)));
        assertThat(policy.after(1, new Outcome(503, Optional.of("Tue, 18 Mar 2025 12:30:00 GMT"), "HTTP 503"), NOW))
                .isEqualTo(new RetryPolicy.RetryIn(Duration.ofMinutes(30)));
        assertThat(policy.after(1, new Outcome(503, Optional.of("999999999"), "HTTP 503"), NOW))
                .isEqualTo(new RetryPolicy.RetryIn(Duration.ofDays(1)));
        // not for other codes, and not when the header is unusable
        assertThat(policy.after(1, new Outcome(500, Optional.of("120"), "HTTP 500"), NOW))
                .isEqualTo(new RetryPolicy.RetryIn(Duration.ofMillis(5500)));
        assertThat(policy.after(1, new Outcome(429, Optional.of("soon"), "HTTP 429"), NOW))
                .isEqualTo(new RetryPolicy.RetryIn(Duration.ofMillis(5500)));
        // the schedule still bounds the attempts
        assertThat(policy.after(8, new Outcome(429, Optional.of("1"), "HTTP 429"), NOW))
                .isInstanceOf(RetryPolicy.Exhausted.class);
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(" 30 ", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 18 Mar 2025 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}

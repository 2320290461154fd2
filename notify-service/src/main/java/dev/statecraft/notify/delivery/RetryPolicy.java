package dev.statecraft.notify.delivery;

import dev.statecraft.notify.webhook.WebhookSender.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What happens after an attempt: done, endpoint gone, retry after a delay, or give up. The delays follow a
 * schedule (Standard Webhooks: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), each stretched by up to 20 % of
 * jitter so that endpoints recovering from an outage are not hit by every retry at once. A 429 or 503 with a
 * Retry-After is retried when the endpoint asked (capped at a day).
 */
public final class RetryPolicy {
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);
    private static final double JITTER = 0.2;

    private final List<Duration> schedule;
    private final DoubleSupplier random;

    public RetryPolicy(List<Duration> schedule, DoubleSupplier random) {
        if (schedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays must not be negative: " + schedule);
        }
        this.schedule = List.copyOf(schedule);
        this.random = random;
    }

    public sealed interface Next {
    }

    public record Delivered() implements Next {
    }

    /** 410 Gone: the receiver says this endpoint will never take deliveries again. */
    public record EndpointGone() implements Next {
    }

    public record RetryIn(Duration delay) implements Next {
    }

    public record Exhausted() implements Next {
    }

    /** @param attempt the number of the attempt that just ended, from 1 */
    public Next after(int attempt, Outcome outcome, Instant now) {
        if (outcome.delivered()) {
            return new Delivered();
        }
        if (outcome.statusCode() == 410) {
            return new EndpointGone();
        }
        if (attempt > schedule.size()) {
            return new Exhausted();
        }
        if (outcome.statusCode() == 429 || outcome.statusCode() == 503) {
            Optional<Duration> asked = outcome.retryAfter().flatMap(v -> RetryAfter.parse(v, now));
            if (asked.isPresent()) {
                Duration wait = asked.get();
                return new RetryIn(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
            }
        }
        Duration base = schedule.get(attempt - 1);
        long jitterMillis = (long) (base.toMillis() * JITTER * random.getAsDouble());
        return new RetryIn(base.plusMillis(jitterMillis));
    }
}

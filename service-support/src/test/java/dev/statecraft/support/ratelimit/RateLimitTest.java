package dev.statecraft.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBurstPassesThenTheClientWaitsForTheRefill() {
        RateLimit limit = new RateLimit("intake", 2, 3);
        long t = 1_000 * SECOND;
        assertThat(limit.tryTake("a", t)).isZero();
        assertThat(limit.tryTake("a", t)).isZero();
        assertThat(limit.tryTake("a", t)).isZero();
        long wait = limit.tryTake("a", t);
        assertThat(wait).isEqualTo(SECOND / 2);
        assertThat(limit.tryTake("a", t + SECOND / 2)).isZero();
        assertThat(limit.tryTake("a", t + SECOND / 2)).isPositive();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimit limit = new RateLimit("subscriptions", 1, 1);
        assertThat(limit.tryTake("a", 0)).isZero();
        assertThat(limit.tryTake("a", 0)).isPositive();
        assertThat(limit.tryTake("b", 0)).isZero();
    }

    @Test
    void aBucketNeverHoldsMoreThanItsBurst() {
        RateLimit limit = new RateLimit("intake", 10, 2);
        long later = 3_600 * SECOND;
        assertThat(limit.tryTake("a", 0)).isZero();
        assertThat(limit.tryTake("a", later)).isZero();
        assertThat(limit.tryTake("a", later)).isZero();
        assertThat(limit.tryTake("a", later)).isPositive();
    }

    @Test
    void forwardedForCountsOnlyBehindATrustedProxyAndThenItsLastHop() {
        assertThat(ClientAddress.of("10.0.0.5", "1.2.3.4", false)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", "6.6.6.6, 1.2.3.4", true)).isEqualTo("1.2.3.4");
        assertThat(ClientAddress.of("10.0.0.5", " ", true)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.of("10.0.0.5", null, true)).isEqualTo("10.0.0.5");
    }
}

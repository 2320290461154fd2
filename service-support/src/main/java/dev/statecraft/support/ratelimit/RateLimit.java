package dev.statecraft.support.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limit (for example on intake): a token bucket per client. Buckets that have filled up again are
 * forgotten once many clients were seen, so memory stays bounded however many addresses come by.
 */
final class RateLimit {
    private static final int FORGET_FULL_BUCKETS_ABOVE = 10_000;

    private final String name;
    private final double perSecond;
    private final int burst;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimit(String name, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit " + name + ": per-second must be > 0 and burst >= 1");
        }
        this.name = name;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    String name() {
        return name;
    }

    /** 0 if {@code client} may go ahead now, else the nanoseconds it has to wait. */
    long tryTake(String client, long now) {
        if (buckets.size() > FORGET_FULL_BUCKETS_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(client, c -> new TokenBucket(perSecond, burst, now)).tryTake(now);
    }
}

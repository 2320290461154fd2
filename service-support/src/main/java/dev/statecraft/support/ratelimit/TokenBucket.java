package dev.statecraft.support.ratelimit;

/**
 * A token bucket: holds at most {@code burst} tokens, refilled at {@code perSecond}; each request takes one.
 * Time is passed in (nanoseconds from any fixed origin), so the arithmetic is tested without sleeping.
 */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long updatedAt;

    TokenBucket(double perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.updatedAt = now;
    }

    /** Takes a token if there is one and returns 0; else returns the nanoseconds until one will be there. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** True when the bucket is full again: forgetting it changes nothing for its client. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
        }
    }
}

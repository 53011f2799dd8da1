package dev.chorus.limits;

/**
 * A token bucket: {@code burst} tokens at once, then {@code perSecond} a second. A token is a message or a byte,
 * as the caller counts. Time is passed in, so the bucket itself never reads a clock.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilled;

    TokenBucket(long perSecond, long burst, long now) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.tokens = burst;
        this.refilled = now;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long now) {
        return tryTake(1, now);
    }

    /** Takes {@code count} tokens if there are that many; otherwise takes none. */
    synchronized boolean tryTake(long count, long now) {
        tokens = Math.min(capacity, tokens + (now - refilled) * perNano);
        refilled = now;
        if (tokens < count) {
            return false;
        }
        tokens -= count;
        return true;
    }
}

package dev.chorus.limits;

/**
 * A token bucket: {@code burst} messages at once, then {@code perSecond} a second. Time is passed in, so the
 * bucket itself never reads a clock.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilled;

    TokenBucket(int perSecond, int burst, long now) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.tokens = burst;
        this.refilled = now;
    }

    /** Takes one token if there is one. */
    synchronized boolean tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - refilled) * perNano);
        refilled = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}

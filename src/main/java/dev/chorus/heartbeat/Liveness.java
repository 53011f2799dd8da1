package dev.chorus.heartbeat;

import java.time.Duration;

/** One session's heartbeat state: when it last proved alive and whether a ping is awaiting its pong. */
final class Liveness {

    private static final long NONE = Long.MIN_VALUE;

    private long lastAlive;
    private long pingSent = NONE;

    Liveness(long now) {
        this.lastAlive = now;
    }

    synchronized void ponged(long now) {
        lastAlive = now;
        pingSent = NONE;
    }

    synchronized void pinged(long now) {
        pingSent = now;
    }

    synchronized boolean isLate(long now, Duration timeout) {
        return pingSent != NONE && now - pingSent > timeout.toNanos();
    }

    synchronized boolean isDue(long now, Duration interval) {
        return pingSent == NONE && now - lastAlive >= interval.toNanos();
    }
}

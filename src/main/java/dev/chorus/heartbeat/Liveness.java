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

    /** A send completed at {@code when}: if that is after the ping, the peer is alive. */
    synchronized void delivered(long when) {
        if (when - lastAlive > 0) {
            lastAlive = when;
            if (pingSent != NONE && when - pingSent > 0) {
                pingSent = NONE;
            }
        }
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

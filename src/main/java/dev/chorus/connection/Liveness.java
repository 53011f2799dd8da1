package dev.chorus.connection;

import java.time.Duration;

/** One session's heartbeat state: when it last proved alive and whether a ping is awaiting its pong. */
public final class Liveness {

    private static final long NONE = Long.MIN_VALUE;

    private long lastAlive;
    private long pingSent = NONE;

    public Liveness(long now) {
        this.lastAlive = now;
    }

    public synchronized void ponged(long now) {
        lastAlive = now;
        pingSent = NONE;
    }

    /** A send completed at {@code when}: if that is after the ping, the peer is alive. */
    public synchronized void delivered(long when) {
        if (when - lastAlive > 0) {
            lastAlive = when;
            if (pingSent != NONE && when - pingSent > 0) {
                pingSent = NONE;
            }
        }
    }

    public synchronized void pinged(long now) {
        pingSent = now;
    }

    public synchronized boolean isLate(long now, Duration timeout) {
        return pingSent != NONE && now - pingSent > timeout.toNanos();
    }

    public synchronized boolean isDue(long now, Duration interval) {
        return pingSent == NONE && now - lastAlive >= interval.toNanos();
    }
}

package dev.chorus.client;

import java.time.Duration;
import java.util.Optional;

/**
 * How long {@link ReconnectingClient} waits before each connect attempt after a connection is lost or an
 * attempt failed: {@code first}, doubling with each failed attempt, never more than {@code max}; or never
 * again.
 */
public final class Backoff {

    /** 250 ms, 500 ms, 1 s … up to 8 s between attempts. */
    public static final Backoff DEFAULT = exponential(Duration.ofMillis(250), Duration.ofSeconds(8));

    private static final Backoff NONE = new Backoff(null, null);

    private final Duration first;
    private final Duration max;

    private Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    public static Backoff exponential(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max, got " + first + " and " + max);
        }
        return new Backoff(first, max);
    }

    /** Never reconnect: the first lost connection or failed attempt ends the client. */
    public static Backoff none() {
        return NONE;
    }

    /**
     * The wait before retry {@code attempt}: 1 for the first after a lost connection or a failed first connect,
     * 2 after that one failed too, and so on; empty to give up.
     */
    public Optional<Duration> delay(int attempt) {
        if (first == null) {
            return Optional.empty();
        }
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(max) < 0 ? delay : max);
    }

    @Override
    public String toString() {
        return first == null ? "no reconnect" : "reconnect after " + first + " doubling up to " + max;
    }
}

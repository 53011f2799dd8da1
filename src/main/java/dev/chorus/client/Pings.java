package dev.chorus.client;

import java.time.Duration;

/**
 * Whether and how {@link ReconnectingClient} pings: one ping every {@code interval} while no pong is
 * outstanding, and a connection whose pong is later than {@code timeout} is closed as dead. Tyrus itself never
 * notices a peer that vanished without closing; this does.
 *
 * @param interval time between pings; zero for no pings
 * @param timeout how long a ping may stay unanswered
 */
public record Pings(Duration interval, Duration timeout) {

    /** No pings. */
    public static final Pings NONE = new Pings(Duration.ZERO, Duration.ZERO);

    public Pings {
        if (interval.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("negative ping interval or timeout: " + interval + ", " + timeout);
        }
    }

    public static Pings every(Duration interval, Duration timeout) {
        return new Pings(interval, timeout);
    }

    boolean enabled() {
        return !interval.isZero();
    }
}

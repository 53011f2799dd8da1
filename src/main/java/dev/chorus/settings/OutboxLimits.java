package dev.chorus.settings;

import java.time.Duration;

/**
 * How much one session may have waiting for the network, and for how long, before it counts as a slow
 * consumer and is closed.
 *
 * @param maxBytes payload bytes queued or in flight for one session
 * @param maxMessages messages queued or in flight for one session
 * @param writeTimeout how long one send may stay unfinished (the peer is not reading)
 */
public record OutboxLimits(long maxBytes, int maxMessages, Duration writeTimeout) {

    public OutboxLimits {
        if (maxBytes < 1 || maxMessages < 1 || writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("outbox limits must be positive");
        }
    }
}

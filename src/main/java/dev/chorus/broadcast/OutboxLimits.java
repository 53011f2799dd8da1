package dev.chorus.broadcast;

/**
 * How much one session may have waiting for the network before it counts as a slow consumer.
 *
 * @param maxBytes payload bytes queued or in flight for one session
 * @param maxMessages messages queued or in flight for one session
 */
public record OutboxLimits(long maxBytes, int maxMessages) {

    public OutboxLimits {
        if (maxBytes < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("outbox limits must be positive");
        }
    }
}

package dev.chorus.limits;

/**
 * What one client may send.
 *
 * @param maxMessageBytes the largest message, text (as UTF-8) or binary, in bytes
 * @param maxFragments the most frames one message may be split into
 * @param messagesPerSecond the sustained message rate; 0 turns rate limiting off
 * @param burst how many messages may come at once before the rate applies
 */
public record InboundLimits(int maxMessageBytes, int maxFragments, int messagesPerSecond, int burst) {

    public InboundLimits {
        if (maxMessageBytes < 1 || maxFragments < 1 || messagesPerSecond < 0 || burst < 1) {
            throw new IllegalArgumentException("inbound limits out of range");
        }
    }
}

package dev.chorus.settings;

/**
 * What one client may send.
 *
 * @param maxMessageBytes the largest message, text (as UTF-8) or binary, in bytes
 * @param maxFragments the most frames one message may be split into
 * @param messagesPerSecond the sustained message rate; 0 turns the message rate limit off
 * @param burst how many messages may come at once before the rate applies
 * @param bytesPerSecond the sustained byte rate (text as UTF-8, binary as sent); 0 turns the byte rate limit off
 * @param byteBurst how many bytes may come at once before the byte rate applies
 */
public record InboundLimits(
        int maxMessageBytes, int maxFragments, int messagesPerSecond, int burst, long bytesPerSecond, long byteBurst) {

    public InboundLimits {
        if (maxMessageBytes < 1
                || maxFragments < 1
                || messagesPerSecond < 0
                || burst < 1
                || bytesPerSecond < 0
                || byteBurst < 1) {
            throw new IllegalArgumentException("inbound limits out of range");
        }
    }

    /**
     * The byte bucket's size: the byte burst, but never less than one largest message, which must always be able
     * to pass a full bucket (a smaller burst would silently lower the message size limit).
     */
    public long byteBucket() {
        return Math.max(byteBurst, maxMessageBytes);
    }
}

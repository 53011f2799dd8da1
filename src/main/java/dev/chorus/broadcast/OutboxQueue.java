package dev.chorus.broadcast;

import dev.chorus.settings.OutboxLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What waits for one peer, and what it adds up to: the messages queued, and the bytes and messages not yet written
 * (queued or in flight), held to {@link OutboxLimits}. Its {@link Outbox}'s lock guards it: it has none of its own.
 */
final class OutboxQueue {

    /** A queue that grew past this many entries is replaced once it empties (an ArrayDeque never shrinks). */
    private static final int SHRINK_ABOVE = 64;

    private final OutboxLimits limits;
    /**
     * Made on first use, and let go when a burst is over: most of a large node's clients are idle, and an empty
     * ArrayDeque still holds 17 slots (about 110 bytes a connection).
     */
    private ArrayDeque<Outgoing> queue;
    /** The most messages queued since the queue was last replaced. */
    private int peak;

    private long pendingBytes;
    private int pendingMessages;

    OutboxQueue(OutboxLimits limits) {
        this.limits = limits;
    }

    /**
     * Queues {@code message}; false, with nothing queued, if it would overflow the limits.
     *
     * @param held bytes the container still holds for the peer after reporting them sent: they count as queued
     *     (Payara, see {@link Wire.Sender#heldBytes})
     */
    boolean add(Outgoing message, long held) {
        if (pendingMessages >= limits.maxMessages()
                || ((pendingMessages > 0 || held > 0) && pendingBytes + held + message.size() > limits.maxBytes())) {
            // An empty outbox takes any one message, so a message larger than the bound (a chorus.v1
            // rendition of a long text full of escapes) is still delivered to a client that keeps up.
            return false;
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
        }
        queue.add(message);
        pendingBytes += message.size();
        pendingMessages++;
        peak = Math.max(peak, queue.size());
        return true;
    }

    /** The next write's messages: the oldest, and those behind it that {@code wire} writes with it. */
    List<Outgoing> take(Wire.Sender wire) {
        if (queue == null) {
            return List.of();
        }
        int size = queue.size() > 1 ? Math.min(wire.batchSize(queue), queue.size()) : queue.size();
        if (size <= 1) {
            Outgoing first = queue.poll();
            return first == null ? List.of() : List.of(first);
        }
        List<Outgoing> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /** {@code messages}, taken earlier, were written or failed: they are pending no more. */
    void settled(List<Outgoing> messages) {
        // An indexed loop: once per write, and the list is random access.
        for (int i = 0; i < messages.size(); i++) {
            pendingBytes -= messages.get(i).size();
        }
        pendingMessages -= messages.size();
    }

    /** Drops everything, in flight included, and lets the queue's space go. */
    void clear() {
        queue = null;
        pendingBytes = 0;
        pendingMessages = 0;
    }

    /**
     * After a burst (a join storm queues one notice per newcomer for everyone) the emptied queue would keep its
     * largest size for the rest of the connection: thousands of connections times thousands of slots.
     */
    void releaseBacklogSpace() {
        if (peak > SHRINK_ABOVE && queue != null && queue.isEmpty()) {
            queue = null;
            peak = 0;
        }
    }

    /** Bytes queued or in flight. */
    long pendingBytes() {
        return pendingBytes;
    }

    /** Messages queued or in flight. */
    int pendingMessages() {
        return pendingMessages;
    }
}

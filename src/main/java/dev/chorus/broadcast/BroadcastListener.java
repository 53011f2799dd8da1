package dev.chorus.broadcast;

/**
 * Hears what becomes of broadcast traffic, e.g. to count it. Called on the sending threads, so an
 * implementation must be cheap, must not block and must not throw.
 */
public interface BroadcastListener {

    /** Hears nothing. */
    BroadcastListener NONE = new BroadcastListener() {};

    /** Why a slow consumer was closed. */
    enum Eviction {
        /** Its outbox held more than its limits allow. */
        OUTBOX_OVERFLOW,
        /** One send to it stayed unfinished past the write timeout. */
        WRITE_TIMEOUT
    }

    /** {@code message} was written to one peer. */
    default void delivered(Outgoing message) {}

    /** A peer was closed as a slow consumer. */
    default void evicted(Eviction why) {}
}

package dev.chorus.bus;

/**
 * What the chat hears from the bus. Events come in one order per node, on one thread at a time (the caller's
 * for the local bus, the reader's for Redis); an implementation must not throw.
 */
public interface BusListener {

    /** An event from any node, this one included, to pass on to this node's clients. */
    void heard(BusEvent event);

    /**
     * Before anything is heard and before any client joins: said-messages so far have been numbered up to
     * {@code seq} (by the other nodes; 0 if none), so this node's next one is numbered above it.
     */
    default void startsAt(long seq) {}

    /** Whether this node reaches the other nodes now: changes once per outage and once per recovery. */
    default void reachable(boolean reachable) {}
}

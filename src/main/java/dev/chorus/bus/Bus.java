package dev.chorus.bus;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Carries the chat's events to every node and hands out client ids that are unique among them. The chat talks
 * only to this interface, so it never knows whether it runs alone or as one node of several.
 */
public interface Bus extends AutoCloseable {

    /**
     * The bus for {@code redis}: Redis when given, else this process alone.
     *
     * @param threads makes the Redis reader's one thread (a container's managed thread factory in a WAR)
     */
    static Bus open(Optional<URI> redis, ThreadFactory threads, BusTelemetry telemetry) {
        return redis.<Bus>map(uri -> new RedisBus(uri, threads, telemetry)).orElseGet(() -> new LocalBus(telemetry));
    }

    /** From now on {@code listener} hears every event, this node's own included, in one order. */
    void start(BusListener listener);

    /**
     * The next client id, unique across the nodes and never at or below one this node has seen.
     *
     * @throws BusUnavailable if the nodes cannot agree on one now
     */
    long nextId() throws BusUnavailable;

    /**
     * Puts {@code event} on the bus; every node's listener hears it. If the bus cannot take it (Redis is
     * down), this node's listener alone hears it: the other nodes never do.
     */
    void publish(BusEvent event);

    /** Whether the other nodes are reachable now (always, in-process). */
    boolean reachable();

    /** Stops listening and lets go of any connection. */
    @Override
    void close();
}

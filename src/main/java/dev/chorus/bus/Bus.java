package dev.chorus.bus;

import java.net.URI;
import java.time.Duration;
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
     * @param maxAge how old the oldest events Redis keeps may be (zero: no bound by age)
     * @param threads makes the Redis reader's and publisher's threads (a container's managed thread factory in a
     *     WAR)
     */
    static Bus open(Optional<URI> redis, Duration maxAge, ThreadFactory threads, BusTelemetry telemetry) {
        return redis.<Bus>map(uri -> new RedisBus(uri, maxAge, threads, telemetry))
                .orElseGet(() -> new LocalBus(telemetry));
    }

    /** From now on {@code listener} hears every event, this node's own included, in one order. */
    void start(BusListener listener);

    /**
     * The first of {@code count} consecutive client ids, unique across the nodes and never at or below one this
     * node has seen. With Redis this waits for its answer: never call it on a thread that serves sockets.
     *
     * @throws BusUnavailable if the nodes cannot agree on any now
     */
    long nextIds(int count) throws BusUnavailable;

    /**
     * Puts {@code event} on the bus, without waiting for the network; every node's listener hears it, in the order
     * this node's events were put. If the bus cannot take it (Redis is down or refuses it), this node's listener
     * alone hears it: the other nodes never do.
     *
     * @return false if too much is waiting to go out already: nothing was done, the caller decides
     */
    boolean publish(BusEvent event);

    /** Whether the other nodes are reachable now (always, in-process). */
    boolean reachable();

    /** Stops listening and lets go of any connection. */
    @Override
    void close();
}

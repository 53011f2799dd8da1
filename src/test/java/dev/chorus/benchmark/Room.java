package dev.chorus.benchmark;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chat room filled for one run: every client connected and the join greetings settled, since each join is
 * broadcast to everyone (1000 clients make 500 500 greeting deliveries) and must not leak into a measurement.
 */
final class Room implements AutoCloseable {

    static final int HANDSHAKES_IN_FLIGHT = 100;
    private static final Duration HELLO_LIMIT = Duration.ofSeconds(30);

    private final Connections connections;
    private final Measurement measurement;
    private final String joined;

    private Room(Connections connections, Measurement measurement, String joined) {
        this.connections = connections;
        this.measurement = measurement;
        this.joined = joined;
    }

    /**
     * Connects {@code size} clients speaking {@code dialect} and waits (at most {@code limit} each) for them and
     * their greetings.
     */
    static Room fill(
            LoadClient client, URI uri, Dialect dialect, int size, Measurement measurement, Tally tally, Duration limit)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Connections connections = client.connect(
                uri, dialect, size, HANDSHAKES_IN_FLIGHT, () -> new Receiver(dialect, measurement, tally), limit);
        if (connections.openCount() < size) {
            connections.close();
            throw new IOException("only " + connections.openCount() + " of " + size + " clients connected: "
                    + connections.failureReasons());
        }
        long refused = connections.open().stream()
                .filter(receiver ->
                        !dialect.subprotocol().equals(receiver.socket().getSubprotocol()))
                .count();
        if (refused > 0) {
            // Otherwise its plain lines would only show up later as a sender's hello that never comes back.
            connections.close();
            throw new IOException("the server did not choose the subprotocol \"" + dialect.subprotocol() + "\" for "
                    + refused + " of " + size + " clients");
        }
        // Plain: each join greets everyone, the newcomer included. chorus.v1: the newcomer gets a welcome and
        // everyone else a joined event. Either way the k-th join makes k greetings.
        long expected = (long) size * (size + 1) / 2;
        long greetings = tally.awaitGreetings(expected, limit);
        String joined = String.format(
                "%d clients in %.1f s, %d of %d greetings",
                size, (System.nanoTime() - start) / 1e9, greetings, expected);
        return new Room(connections, measurement, joined);
    }

    /** How the room filled, for the report: clients, seconds, greetings delivered of those expected. */
    String joined() {
        return joined;
    }

    /** Makes the first {@code count} clients this run's senders: each says hello to learn its server id. */
    List<Receiver> senders(int count) throws IOException, InterruptedException {
        List<Receiver> senders = connections.open().subList(0, count);
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                ids[i] = senders.get(i).sayHello(i).get(HELLO_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("sender " + i + "'s hello did not come back within " + HELLO_LIMIT.toSeconds()
                        + " s (" + senders.get(i).describe() + ")");
            }
        }
        measurement.senders(ids);
        return senders;
    }

    int size() {
        return connections.openCount();
    }

    @Override
    public void close() {
        connections.close();
    }
}

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
    /** The reading-only clients on bare sockets, if any. */
    private final RawReaders raw;

    private final Measurement measurement;
    private final String joined;

    private Room(Connections connections, RawReaders raw, Measurement measurement, String joined) {
        this.connections = connections;
        this.raw = raw;
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
        return fill(client, uri, dialect, size, 0, measurement, tally, limit);
    }

    /**
     * Like {@link #fill(LoadClient, URI, Dialect, int, Measurement, Tally, Duration)}, but the last
     * {@code rawReaders} of the {@code size} clients only read, on bare sockets ({@link RawReaders}): for
     * streams the JDK client cannot keep up with. They cannot be senders.
     */
    static Room fill(
            LoadClient client,
            URI uri,
            Dialect dialect,
            int size,
            int rawReaders,
            Measurement measurement,
            Tally tally,
            Duration limit)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int jdkClients = size - rawReaders;
        Connections connections = client.connect(
                uri, dialect, jdkClients, HANDSHAKES_IN_FLIGHT, () -> new Receiver(dialect, measurement, tally), limit);
        if (connections.openCount() < jdkClients) {
            connections.close();
            throw new IOException("only " + connections.openCount() + " of " + jdkClients + " clients connected: "
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
        RawReaders raw = null;
        if (rawReaders > 0) {
            try {
                raw = RawReaders.connect(uri, dialect, rawReaders, measurement, tally, limit);
            } catch (IOException e) {
                connections.close();
                throw e;
            }
        }
        // Plain: each join greets everyone, the newcomer included. chorus.v1: the newcomer gets a welcome and
        // everyone else a joined event. Either way the k-th join makes k greetings.
        long expected = (long) size * (size + 1) / 2;
        long greetings = tally.awaitGreetings(expected, limit);
        String joined = String.format(
                "%d clients%s in %.1f s, %d of %d greetings",
                size,
                rawReaders > 0 ? " (" + rawReaders + " raw readers)" : "",
                (System.nanoTime() - start) / 1e9,
                greetings,
                expected);
        return new Room(connections, raw, measurement, joined);
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

    /** The clients that read, senders included: every message is owed to each of them. */
    int size() {
        return connections.openCount() + (raw == null ? 0 : raw.size());
    }

    @Override
    public void close() {
        connections.close();
        if (raw != null) {
            raw.close();
        }
    }
}

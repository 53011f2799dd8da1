package dev.chorus.benchmark;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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

    /** One batch of connections per server URI (per node of a cluster). */
    private final List<Connections> connections;

    /** The reading-only clients on bare sockets, if any. */
    private final RawReaders raw;

    private final Measurement measurement;
    private final String joined;

    private Room(List<Connections> connections, RawReaders raw, Measurement measurement, String joined) {
        this.connections = connections;
        this.raw = raw;
        this.measurement = measurement;
        this.joined = joined;
    }

    /**
     * Connects {@code size} clients speaking {@code dialect} and waits (at most {@code limit} each) for them and
     * their greetings. With several URIs (the nodes of a cluster) the clients are split evenly and each node's
     * share joins only once the shares before it have settled: every join then reaches everyone present, as on
     * one server, and the room expects the same number of greetings.
     */
    static Room fill(
            LoadClient client,
            List<URI> uris,
            Dialect dialect,
            int size,
            Measurement measurement,
            Tally tally,
            Duration limit)
            throws IOException, InterruptedException {
        return fill(client, uris, dialect, size, 0, measurement, tally, limit);
    }

    /**
     * Like {@link #fill(LoadClient, List, Dialect, int, Measurement, Tally, Duration)}, but the last
     * {@code rawReaders} of the {@code size} clients only read, on bare sockets ({@link RawReaders}) connected to
     * the last URI: for streams the JDK client cannot keep up with. They cannot be senders.
     */
    static Room fill(
            LoadClient client,
            List<URI> uris,
            Dialect dialect,
            int size,
            int rawReaders,
            Measurement measurement,
            Tally tally,
            Duration limit)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int jdkClients = size - rawReaders;
        List<Connections> batches = new ArrayList<>();
        int joinedSoFar = 0;
        long greetings = 0;
        for (int i = 0; i < uris.size(); i++) {
            int share = (jdkClients - joinedSoFar) / (uris.size() - i);
            Connections batch = client.connect(
                    uris.get(i),
                    dialect,
                    share,
                    HANDSHAKES_IN_FLIGHT,
                    () -> new Receiver(dialect, measurement, tally),
                    limit);
            batches.add(batch);
            if (batch.openCount() < share) {
                batches.forEach(Connections::close);
                throw new IOException("only " + batch.openCount() + " of " + share + " clients connected to "
                        + uris.get(i) + ": " + batch.failureReasons());
            }
            refuseWithoutSubprotocol(batches, batch, dialect, share);
            joinedSoFar += share;
            // Plain: each join greets everyone, the newcomer included. chorus.v1: the newcomer gets a welcome
            // and everyone else a joined event. Either way the k-th join makes k greetings.
            greetings = tally.awaitGreetings((long) joinedSoFar * (joinedSoFar + 1) / 2, limit);
        }
        long expected = (long) size * (size + 1) / 2;
        RawReaders raw = null;
        if (rawReaders > 0) {
            try {
                raw = RawReaders.connect(uris.get(uris.size() - 1), dialect, rawReaders, measurement, tally, limit);
            } catch (IOException e) {
                batches.forEach(Connections::close);
                throw e;
            }
            greetings = tally.awaitGreetings(expected, limit);
        }
        String joined = String.format(
                "%d clients%s%s in %.1f s, %d of %d greetings",
                size,
                rawReaders > 0 ? " (" + rawReaders + " raw readers)" : "",
                uris.size() > 1 ? " over " + uris.size() + " nodes" : "",
                (System.nanoTime() - start) / 1e9,
                greetings,
                expected);
        return new Room(batches, raw, measurement, joined);
    }

    /** Otherwise a client's plain lines would only show up later as a sender's hello that never comes back. */
    private static void refuseWithoutSubprotocol(
            List<Connections> batches, Connections batch, Dialect dialect, int share) throws IOException {
        long refused = batch.open().stream()
                .filter(receiver ->
                        !dialect.subprotocol().equals(receiver.socket().getSubprotocol()))
                .count();
        if (refused > 0) {
            batches.forEach(Connections::close);
            throw new IOException("the server did not choose the subprotocol \"" + dialect.subprotocol() + "\" for "
                    + refused + " of " + share + " clients");
        }
    }

    /** How the room filled, for the report: clients, seconds, greetings delivered of those expected. */
    String joined() {
        return joined;
    }

    /** Makes the first {@code count} clients this run's senders: each says hello to learn its server id. */
    List<Receiver> senders(int count) throws IOException, InterruptedException {
        List<Receiver> senders = interleaved().subList(0, count);
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
        return connections.stream().mapToInt(Connections::openCount).sum() + (raw == null ? 0 : raw.size());
    }

    /**
     * The JDK clients (the raw readers cannot send), one of each node's in turn, so the first few (the senders)
     * are on every node.
     */
    private List<Receiver> interleaved() {
        List<List<Receiver>> perNode =
                connections.stream().map(Connections::open).toList();
        int jdkClients = perNode.stream().mapToInt(List::size).sum();
        List<Receiver> all = new ArrayList<>();
        for (int i = 0; all.size() < jdkClients; i++) {
            for (List<Receiver> node : perNode) {
                if (i < node.size()) {
                    all.add(node.get(i));
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        connections.forEach(Connections::close);
        if (raw != null) {
            raw.close();
        }
    }
}

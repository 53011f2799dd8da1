package dev.chorus.benchmark;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fanout split over rooms ({@code ws://host/rooms/bench-K}): {@code rooms} rooms of {@code receivers} +
 * {@code senders} clients each, every room's senders in the same closed loop as {@link FanoutWorkload}'s, all
 * rooms at once on one server. Set beside the plain fanout of one room as large as all of them together (same
 * total receivers and senders), it shows what a server does with the same clients in many small rooms. Each room
 * has its own {@link Measurement} and {@link Tally}, so a receiver that gets anything of another room's (a
 * benchmark message, a greeting, a hello) is counted: isolation under load. Chorus only: the baselines have no
 * rooms.
 */
record RoomsWorkload(
        int rooms, int receivers, int senders, int window, int size, Duration warmup, Duration duration, Duration limit)
        implements Workload {

    /** Room K is {@code bench-K}. */
    static final String PREFIX = "bench-";

    private static final String DELIVERIES = "deliveries/s";
    private static final String P99 = "latency p99 (ms)";
    private static final String PER_CORE_SECOND = "deliveries per server core-second";

    /** One room of the run: its clients, its measurement, its counts, its senders. */
    private record Part(String name, Room room, Measurement measurement, Tally tally, Senders sending) {}

    @Override
    public String title() {
        return String.format(
                "rooms: %d rooms × (%,d receivers + %d sender%s), %d B, closed loop (≤ %d unacknowledged each), %d s",
                rooms, receivers, senders, senders == 1 ? "" : "s", size, window, duration.toSeconds());
    }

    @Override
    public boolean chorusOnly() {
        return true;
    }

    @Override
    public Map<String, String> serverSettings() {
        // The tutorial's room counts against --max-rooms (default 100) too.
        return rooms + 1 > 100 ? Map.of("max-rooms", Integer.toString(rooms + 1)) : Map.of();
    }

    /** Divided by the one room holding as many receivers and senders: the plain fanout of that size. */
    @Override
    public List<Relative> relatives() {
        String oneRoom = new FanoutWorkload(
                        Dialect.PLAIN, rooms * receivers, rooms * senders, window, size, warmup, duration, limit)
                .title();
        String of = " ÷ one room of " + rooms * receivers + "'s";
        return List.of(
                new Relative(DELIVERIES + of, DELIVERIES, oneRoom),
                new Relative("messages sent/s" + of, FanoutWorkload.SENT, oneRoom),
                new Relative(P99 + of, P99, oneRoom),
                new Relative(PER_CORE_SECOND + of, PER_CORE_SECOND, oneRoom));
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        List<Part> parts = new ArrayList<>();
        try {
            long filling = System.nanoTime();
            for (int k = 0; k < rooms; k++) {
                parts.add(fill(server, client, PREFIX + k));
            }
            double filled = (System.nanoTime() - filling) / 1e9;
            List<List<Receiver>> voices = new ArrayList<>();
            for (Part part : parts) {
                voices.add(part.room().senders(senders));
            }
            requireDistinctIds(voices);
            long start = Timing.after(warmup);
            long end = start + duration.toNanos();
            for (int k = 0; k < rooms; k++) {
                Part part = parts.get(k);
                part.measurement().begin(start, end);
                for (Receiver voice : voices.get(k)) {
                    part.sending().closedLoop(voice, part.measurement(), window, size, end);
                }
            }
            Span span = Span.measure(server, start, end, () -> {
                for (Part part : parts) {
                    part.sending().await(end);
                }
                for (Part part : parts) {
                    part.measurement().awaitDelivered(part.room().size(), limit);
                }
            });
            return new RoomsFigures(parts.size(), receivers + senders, senders)
                    .of(filled, figuresOf(parts), span.from(), span.to());
        } finally {
            parts.forEach(part -> part.room().close());
        }
    }

    private Part fill(Server server, LoadClient client, String name) throws IOException, InterruptedException {
        Measurement measurement = new Measurement();
        Tally tally = new Tally();
        List<URI> uris = server.uris().stream().map(uri -> inRoom(uri, name)).toList();
        Room room = Room.fill(client, uris, Dialect.PLAIN, receivers + senders, measurement, tally, limit);
        return new Part(name, room, measurement, tally, new Senders(tally));
    }

    /** Room {@code name} of the server at {@code base} (its root, or a WAR's context path). */
    static URI inRoom(URI base, String name) {
        String path = base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath();
        return base.resolve((path.endsWith("/") ? path : path + "/") + "rooms/" + name);
    }

    /**
     * A sender is told apart by its server id alone: ids are unique per server, whatever the room, so this only
     * refuses a server that numbers its rooms' clients separately, where isolation could not be judged.
     */
    private static void requireDistinctIds(List<List<Receiver>> voices) throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (List<Receiver> room : voices) {
            for (Receiver voice : room) {
                if (!seen.add(voice.id())) {
                    throw new IOException("two rooms' senders share the id " + voice.id()
                            + ": another room's messages could not be told from this room's");
                }
            }
        }
    }

    private static List<RoomsFigures.OfRoom> figuresOf(List<Part> parts) {
        return parts.stream()
                .map(part -> new RoomsFigures.OfRoom(part.name(), part.room().size(), part.measurement(), part.tally()))
                .toList();
    }
}

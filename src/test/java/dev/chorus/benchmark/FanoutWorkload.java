package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Throughput: a few senders in a closed loop (each at most {@code window} messages unacknowledged, its own
 * echo being the acknowledgement) broadcast to everyone as fast as the server lets them. Every client speaks
 * {@code dialect}: plain is the tutorial's text (workload {@code fanout}); chorus.v1 (workload {@code fanout-v1})
 * wraps the same text in JSON both ways, which only Chorus speaks, so its cost is shown against Chorus's plain
 * fanout of the same size in the same run.
 */
record FanoutWorkload(
        Dialect dialect,
        int receivers,
        int senders,
        int window,
        int size,
        Duration warmup,
        Duration duration,
        Duration limit)
        implements Workload {

    private static final String DELIVERIES = "deliveries/s";
    /** Each one delivered to everyone in the room: deliveries/s over the room's size. */
    static final String SENT = "messages sent/s (each to its whole room)";

    private static final String PER_CORE_SECOND = "deliveries per server core-second";

    @Override
    public String title() {
        String v1 = dialect == Dialect.V1 ? "-v1" : "";
        String clients = dialect == Dialect.V1 ? ", every client on chorus.v1" : "";
        return String.format(
                "fanout%s: %,d receivers + %d senders%s, %d B, closed loop (≤ %d unacknowledged each), %d s",
                v1, receivers, senders, clients, size, window, duration.toSeconds());
    }

    @Override
    public List<Relative> relatives() {
        if (dialect == Dialect.PLAIN) {
            return List.of();
        }
        String plain =
                new FanoutWorkload(Dialect.PLAIN, receivers, senders, window, size, warmup, duration, limit).title();
        return List.of(
                new Relative(DELIVERIES + " ÷ plain fanout's", DELIVERIES, plain),
                new Relative(PER_CORE_SECOND + " ÷ plain fanout's", PER_CORE_SECOND, plain));
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        Tally tally = new Tally();
        Measurement measurement = new Measurement();
        try (Room room = Room.fill(client, server.uris(), dialect, receivers + senders, measurement, tally, limit)) {
            List<Receiver> voices = room.senders(senders);
            long start = Timing.after(warmup);
            long end = start + duration.toNanos();
            measurement.begin(start, end);
            Senders sending = new Senders(tally);
            for (Receiver voice : voices) {
                sending.closedLoop(voice, measurement, window, size, end);
            }
            Span span = Span.measure(server, sending, measurement, room, start, end, limit);
            return figures(room, measurement, tally, span.from(), span.to());
        }
    }

    private static List<Figure> figures(Room room, Measurement measurement, Tally tally, Usage from, Usage to) {
        Histogram latencies = measurement.latencies(0);
        long delivered = measurement.receivedIn(0);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.text("room", room.joined()));
        figures.add(Figure.number(DELIVERIES, delivered / measurement.seconds(0), "%,.0f"));
        figures.add(Figure.number(SENT, measurement.sentIn(0) / measurement.seconds(0), "%,.0f"));
        figures.add(Figure.latency("latency p50 (ms)", latencies, 50));
        figures.add(Figure.latency("latency p99 (ms)", latencies, 99));
        figures.add(Figure.latency("latency max (ms)", latencies, 100));
        figures.add(Figure.count("lost deliveries", measurement.missingIn(0, room.size())));
        figures.add(Figure.count("reordered deliveries", tally.reorderedCount()));
        figures.add(Figure.text("closed by the server", ConnectWorkload.orNone(tally.closeReasons())));
        figures.addAll(to.cpuFigures(from));
        figures.add(Figure.number(
                PER_CORE_SECOND,
                to.serverCpuSince(from).isPresent()
                        ? delivered / to.serverCpuSince(from).getAsDouble()
                        : Double.NaN,
                "%,.0f"));
        return figures;
    }
}

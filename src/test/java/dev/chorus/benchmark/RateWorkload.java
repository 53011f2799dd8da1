package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Latency at a fixed offered load: senders on a schedule, latency measured from each message's scheduled
 * time, so a server that falls behind cannot hide it by slowing the senders down (no coordinated omission).
 */
record RateWorkload(
        int clients, int senders, int perSecond, int size, Duration warmup, Duration duration, Duration limit)
        implements Workload {

    @Override
    public String title() {
        return String.format(
                "rate: %,d clients, %d senders, %d broadcasts/s (%,d deliveries/s offered), %d B, %d s",
                clients, senders, perSecond, (long) perSecond * clients, size, duration.toSeconds());
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        Tally tally = new Tally();
        Measurement measurement = new Measurement();
        try (Room room = Room.fill(client, server.uris(), Dialect.PLAIN, clients, measurement, tally, limit)) {
            List<Receiver> voices = room.senders(senders);
            long period = Math.round(senders * 1e9 / perSecond);
            long first = Timing.after(Duration.ofMillis(100));
            long start = first + warmup.toNanos();
            long end = start + duration.toNanos();
            measurement.begin(start, end);
            Senders sending = new Senders(tally);
            for (int i = 0; i < senders; i++) {
                // Staggered, so the offered load is even rather than bursts of one message per sender.
                sending.scheduled(voices.get(i), measurement, first + i * period / senders, period, size, end);
            }
            Span span = Span.measure(server, sending, measurement, room, start, end, limit);
            return figures(room, measurement, tally, span.from(), span.to());
        }
    }

    private static List<Figure> figures(Room room, Measurement measurement, Tally tally, Usage from, Usage to) {
        Histogram latencies = measurement.latencies(0);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.text("room", room.joined()));
        figures.add(
                Figure.number("deliveries/s achieved", measurement.receivedIn(0) / measurement.seconds(0), "%,.0f"));
        figures.add(Figure.latency("latency p50 from schedule (ms)", latencies, 50));
        figures.add(Figure.latency("latency p99 from schedule (ms)", latencies, 99));
        figures.add(Figure.latency("latency p99.9 from schedule (ms)", latencies, 99.9));
        figures.add(Figure.latency("latency max from schedule (ms)", latencies, 100));
        figures.add(Figure.count("lost deliveries", measurement.missingIn(0, room.size())));
        figures.add(Figure.count("reordered deliveries", tally.reorderedCount()));
        figures.add(Figure.text("closed by the server", ConnectWorkload.orNone(tally.closeReasons())));
        figures.addAll(to.cpuFigures(from));
        return figures;
    }
}

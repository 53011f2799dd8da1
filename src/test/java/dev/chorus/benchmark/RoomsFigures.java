package dev.chorus.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The rooms workload's rows: the fanout's figures summed (deliveries) or merged (latencies) over the rooms, named
 * as {@link FanoutWorkload} names them so the report can divide one by the other, and the isolation counts: what
 * reached a room that was not its own.
 *
 * @param size each room's clients, senders included
 * @param senders each room's senders
 */
record RoomsFigures(int rooms, int size, int senders) {

    /** One room after the drain: its name, clients, measurement and counts. */
    record OfRoom(String name, int size, Measurement measurement, Tally tally) {}

    /** The greetings a room of {@code size} gets as its clients join one by one: the k-th join greets k. */
    static long greetings(int size) {
        return (long) size * (size + 1) / 2;
    }

    List<Figure> of(double filledSeconds, List<OfRoom> each, Usage from, Usage to) {
        List<Measurement> measurements = each.stream().map(OfRoom::measurement).toList();
        long delivered = 0;
        double slowest = Double.MAX_VALUE;
        double fastest = 0;
        for (OfRoom room : each) {
            long received = room.measurement().receivedIn(0);
            delivered += received;
            slowest = Math.min(slowest, received / room.measurement().seconds(0));
            fastest = Math.max(fastest, received / room.measurement().seconds(0));
        }
        Histogram latencies = merged(measurements);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.text("room", joined(each, filledSeconds)));
        figures.add(
                Figure.number("deliveries/s", delivered / measurements.get(0).seconds(0), "%,.0f"));
        figures.add(Figure.number(
                FanoutWorkload.SENT,
                each.stream().mapToLong(room -> room.measurement().sentIn(0)).sum()
                        / measurements.get(0).seconds(0),
                "%,.0f"));
        figures.add(Figure.text(
                "deliveries/s of the slowest / fastest room",
                String.format(Locale.ROOT, "%,.0f / %,.0f", slowest, fastest)));
        figures.add(Figure.latency("latency p50 (ms)", latencies, 50));
        figures.add(Figure.latency("latency p99 (ms)", latencies, 99));
        figures.add(Figure.latency("latency max (ms)", latencies, 100));
        figures.add(Figure.count(
                "lost deliveries",
                each.stream()
                        .mapToLong(room -> room.measurement().missingIn(0, room.size()))
                        .sum()));
        figures.add(Figure.count(
                "reordered deliveries",
                each.stream().mapToLong(room -> room.tally().reorderedCount()).sum()));
        figures.add(Figure.count(
                "isolation: other rooms' messages received",
                each.stream().mapToLong(room -> room.tally().foreignCount()).sum()));
        figures.add(Figure.count(
                "isolation: greetings and hellos beyond a room's own",
                each.stream().mapToLong(this::beyondOwn).sum()));
        figures.add(Figure.text("closed by the server", ConnectWorkload.orNone(closes(each))));
        figures.addAll(to.cpuFigures(from));
        figures.add(Figure.number(
                "deliveries per server core-second",
                to.serverCpuSince(from).isPresent()
                        ? delivered / to.serverCpuSince(from).getAsDouble()
                        : Double.NaN,
                "%,.0f"));
        return figures;
    }

    /** Every room's latencies in one histogram (each room's taken once, after the drain). */
    static Histogram merged(List<Measurement> measurements) {
        Histogram all = new Histogram(3);
        measurements.forEach(measurement -> all.add(measurement.latencies(0)));
        return all;
    }

    /**
     * Greetings past the room's own joins, and lines that were neither greetings nor benchmark messages past its
     * own senders' hellos (each reaches everyone in the room): what another room's joins and hellos left here.
     */
    private long beyondOwn(OfRoom room) {
        long greetings = room.tally().greetings() - greetings(room.size());
        long others = room.tally().others() - (long) senders * room.size();
        return Math.max(0, greetings) + Math.max(0, others);
    }

    private String joined(List<OfRoom> each, double filledSeconds) {
        List<String> missing = each.stream()
                .filter(room -> room.tally().greetings() < greetings(room.size()))
                .map(room -> room.name() + " " + room.tally().greetings() + " of " + greetings(room.size()))
                .toList();
        return String.format(
                Locale.ROOT,
                "%d rooms of %d clients (/rooms/%s0 …) filled one after the other in %.1f s; greetings: %s",
                rooms,
                size,
                RoomsWorkload.PREFIX,
                filledSeconds,
                missing.isEmpty() ? "all of each room's" : "missing in " + String.join(", ", missing));
    }

    private static String closes(List<OfRoom> each) {
        List<String> closed = new ArrayList<>();
        for (OfRoom room : each) {
            String reasons = room.tally().closeReasons();
            if (!reasons.isEmpty()) {
                closed.add(room.name() + ": " + reasons);
            }
        }
        return String.join("; ", closed);
    }
}

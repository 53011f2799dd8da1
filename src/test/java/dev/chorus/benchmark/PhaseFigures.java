package dev.chorus.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The redis-latency workload's rows: per phase (before, during, after) what was sent and delivered, its latencies
 * and what the nodes counted; the after phase is measured as two (its first second, where the catch-up happens,
 * and the rest), shown together and then each on its own.
 */
final class PhaseFigures {

    private PhaseFigures() {}

    /**
     * @param counters the nodes' counters at each phase's start and after the drain (phases + 1 of them)
     * @param phases the phases' names; the measurement has one more, the last phase split in two
     */
    static List<Figure> of(
            Room room,
            Measurement measurement,
            Tally tally,
            List<BusCounters> counters,
            String[] phases,
            Usage from,
            Usage to) {
        int measured = phases.length + 1;
        List<Histogram> latencies = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            latencies.add(measurement.latencies(i));
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.text("room", room.joined()));
        for (int p = 0; p < phases.length; p++) {
            boolean last = p == phases.length - 1;
            Histogram histogram = latencies.get(p).copy();
            long sent = measurement.sentIn(p);
            long delivered = measurement.receivedIn(p);
            double seconds = measurement.seconds(p);
            long missing = measurement.missingIn(p, room.size());
            if (last) {
                histogram.add(latencies.get(p + 1));
                sent += measurement.sentIn(p + 1);
                delivered += measurement.receivedIn(p + 1);
                seconds += measurement.seconds(p + 1);
                missing += measurement.missingIn(p + 1, room.size());
            }
            figures.addAll(phase(phases[p] + ": ", sent, delivered, seconds, histogram));
            figures.add(Figure.count(phases[p] + ": lost deliveries", missing));
            figures.addAll(counters.get(p + 1).since(counters.get(p)).figures(phases[p] + ": "));
        }
        String after = phases[phases.length - 1];
        for (int i = phases.length - 1; i < measured; i++) {
            String part = after + (i == phases.length - 1 ? ", its first second: " : ", the rest: ");
            figures.addAll(phase(
                    part, measurement.sentIn(i), measurement.receivedIn(i), measurement.seconds(i), latencies.get(i)));
        }
        figures.add(Figure.count("reordered deliveries (all phases)", tally.reorderedCount()));
        figures.add(Figure.text("closed by the server (all phases)", ConnectWorkload.orNone(tally.closeReasons())));
        figures.addAll(to.cpuFigures(from));
        return figures;
    }

    private static List<Figure> phase(String name, long sent, long delivered, double seconds, Histogram latencies) {
        return List.of(
                Figure.number(name + "messages sent/s", sent / seconds, "%,.0f"),
                Figure.number(name + "deliveries/s", delivered / seconds, "%,.0f"),
                Figure.latency(name + "latency p50 (ms)", latencies, 50),
                Figure.latency(name + "latency p99 (ms)", latencies, 99),
                Figure.latency(name + "latency max (ms)", latencies, 100));
    }
}

package dev.chorus.benchmark;

import java.net.URI;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The counters that show whether a slow Redis hurt anyone, summed over every node of a cluster at one moment, read
 * from each node's metrics path. A counter some node does not export is empty, so it reads "n/a", not 0.
 *
 * @param evicted slow consumers evicted ({@code chorus_slow_consumers_evicted_total}, every reason)
 * @param busErrors failed Redis commands ({@code chorus_bus_errors_total}, every kind)
 * @param backlogFull events turned away because too much waited for Redis ({@code chorus_bus_backlog_full_total})
 */
record BusCounters(OptionalDouble evicted, OptionalDouble busErrors, OptionalDouble backlogFull) {

    static BusCounters of(List<URI> nodes) {
        BusCounters sum = new BusCounters(OptionalDouble.of(0), OptionalDouble.of(0), OptionalDouble.of(0));
        for (URI node : nodes) {
            sum = sum.plus(read(ServerCounts.scrape(node)));
        }
        return sum;
    }

    /** One node's counters, from its metrics text. */
    static BusCounters read(String metrics) {
        return new BusCounters(
                PrometheusText.sum(metrics, "chorus_slow_consumers_evicted_total"),
                PrometheusText.sum(metrics, "chorus_bus_errors_total"),
                PrometheusText.sum(metrics, "chorus_bus_backlog_full_total"));
    }

    /** Both nodes' counters together. */
    BusCounters plus(BusCounters other) {
        return new BusCounters(
                plus(evicted, other.evicted), plus(busErrors, other.busErrors), plus(backlogFull, other.backlogFull));
    }

    /** What was counted from {@code earlier} to this moment. */
    BusCounters since(BusCounters earlier) {
        return new BusCounters(
                minus(evicted, earlier.evicted),
                minus(busErrors, earlier.busErrors),
                minus(backlogFull, earlier.backlogFull));
    }

    /** Its rows, each name prefixed with {@code phase}. */
    List<Figure> figures(String phase) {
        return List.of(
                Figure.number(phase + "slow consumers evicted", evicted, "%.0f"),
                Figure.number(phase + "bus errors", busErrors, "%.0f"),
                Figure.number(phase + "events turned away (bus backlog full)", backlogFull, "%.0f"));
    }

    private static OptionalDouble plus(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent()
                ? OptionalDouble.of(a.getAsDouble() + b.getAsDouble())
                : OptionalDouble.empty();
    }

    private static OptionalDouble minus(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent()
                ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble())
                : OptionalDouble.empty();
    }
}

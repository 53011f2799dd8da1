package dev.chorus.benchmark;

import java.util.List;
import java.util.Map;

/** One benchmark scenario at one size, run once against each server. */
interface Workload {

    /** The row group in the report, e.g. {@code fanout: 100 receivers + 10 senders}. */
    String title();

    /** Runs against {@code server} (fresh, unless the user gave --url) and returns its figures in row order. */
    List<Figure> run(Server server, LoadClient client) throws Exception;

    /** What its clients speak: a server that does not speak it gets no run, and "n/a" in the report. */
    default Dialect dialect() {
        return Dialect.PLAIN;
    }

    /**
     * Launcher settings this workload needs on its server, over the run's own (a server of its own is started for
     * it then, even when the others share one).
     */
    default Map<String, String> serverSettings() {
        return Map.of();
    }

    /** Whether it needs Chorus itself (its settings, metrics and timeouts): the baseline then gets "n/a". */
    default boolean chorusOnly() {
        return false;
    }

    /** Rows the report derives from this workload's figures and another's once all have run. */
    default List<Relative> relatives() {
        return List.of();
    }
}

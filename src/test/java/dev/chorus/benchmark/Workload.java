package dev.chorus.benchmark;

import java.util.List;

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

    /** Rows the report derives from this workload's figures and another's once all have run. */
    default List<Relative> relatives() {
        return List.of();
    }
}

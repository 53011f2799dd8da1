package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The churn soak (issue 17): many short connections that end every way a hostile or broken client ends them
 * ({@link ChurnKind}), a bounded number at once, while one client keeps talking so that stalled readers fill up
 * and are evicted. Afterwards, once the server has had the time its own timeouts need, whatever it holds per
 * connection must be back at the baseline taken before: file descriptors, threads, live heap, its connection
 * gauges. Measured twice: while the stalled readers' sockets are still open on the client side (what the server
 * lets go of by itself), and once the soak has closed them. Chorus only: the baseline has none of these timeouts.
 */
record ChurnWorkload(int cycles, int inFlight, Duration cap, Duration limit) implements Workload {

    /** Short, so half-open handshakes end within the soak: the server's default is 10 s. */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);
    /** Short, so stalled readers are evicted within the soak: the server's default is 10 s. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(1);
    /**
     * How long a close the server starts may take before it drops the connection (issue 17 asks for this setting,
     * named like Node ws's closeTimeout); a server without the setting ignores the property.
     */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private static final int BROADCAST_BYTES = 16 * 1024;
    private static final Duration BROADCAST_PERIOD = Duration.ofMillis(50);
    /**
     * What the server's kernel takes for a stalled reader before the server sees a send stall: the largest TCP
     * send buffer, Linux's default (net.ipv4.tcp_wmem), which loopback connections grow to.
     */
    private static final long KERNEL_SEND_BUFFER = 4L << 20;
    /** Beyond the server's timeouts, how long its counts may take to come back (and stalled readers to go). */
    private static final Duration SETTLE_SLACK = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(100);
    /** The primer runs one cycle for every this many of the soak's. */
    private static final int PRIMER_SHARE = 20;
    /** The primer's fewest cycles. */
    private static final int PRIMER_LEAST = 500;

    /** Threads may differ by this much: the JVM starts and ends a few of its own (compiler, GC) as it likes. */
    static final double THREAD_MARGIN = 2;
    /** Live heap may differ by this much, in MiB: about 200 bytes per cycle of 20 000 would show. */
    static final double HEAP_MARGIN_MIB = 4;

    @Override
    public String title() {
        return String.format(
                "churn: %,d connect/close cycles, at most %d at once, capped at %d s (%s)",
                cycles, inFlight, cap.toSeconds(), mix());
    }

    private static String mix() {
        return java.util.Arrays.stream(ChurnKind.values())
                .map(kind -> String.format(Locale.ROOT, "%.1f %% %s", kind.perThousand() / 10.0, kind))
                .collect(Collectors.joining(", "));
    }

    @Override
    public Map<String, String> serverSettings() {
        return Map.of(
                "handshake-timeout", HANDSHAKE_TIMEOUT.toMillis() + "ms",
                "write-timeout", WRITE_TIMEOUT.toMillis() + "ms",
                "close-timeout", CLOSE_TIMEOUT.toMillis() + "ms");
    }

    @Override
    public boolean chorusOnly() {
        return true;
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        ChurnCycles churnCycles = new ChurnCycles(server.uri(), HANDSHAKE_TIMEOUT);
        try {
            return soak(server, churnCycles);
        } finally {
            churnCycles.closeStalled(); // if the soak failed before it closed them itself
        }
    }

    private List<Figure> soak(Server server, ChurnCycles churnCycles) throws Exception {
        // Lazily filled pools (Tyrus's scheduler starts its 10 threads one by one, write buffers are kept for
        // reuse) and the JIT settle in the primer: the same churn and broadcast, without stalled readers.
        ChurnRun primer = new ChurnRun(churnCycles, ChurnWorkload::primerKind);
        long primerLines;
        try (Broadcaster broadcaster = Broadcaster.start(server.uri(), BROADCAST_BYTES, BROADCAST_PERIOD)) {
            primer.run(Math.min(cycles, Math.max(PRIMER_LEAST, cycles / PRIMER_SHARE)), inFlight, cap);
            primerLines = broadcaster.sent();
        }
        Settling idle = Settling.await(server, s -> s.open().equals(OptionalDouble.of(0)), settleLimit(), POLL);
        Snapshot before = Snapshot.of(server);
        Usage from = Usage.of(server);
        ChurnRun churn = new ChurnRun(churnCycles, ChurnKind::of);
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.text("server settings added (over the header's)", settingsShown()),
                Figure.text(
                        "primer (not measured)",
                        primer.total() + " cycles without stalled readers, " + primer.failedCount() + " failed, "
                                + primerLines + " lines broadcast; then idle after " + idle.shown() + " s")));
        Settling evicted;
        try (Broadcaster broadcaster = Broadcaster.start(server.uri(), BROADCAST_BYTES, BROADCAST_PERIOD)) {
            churn.run(cycles, inFlight, cap);
            // Only the broadcaster left open: every stalled reader has been evicted.
            OptionalDouble alone = OptionalDouble.of(before.counts().open().orElse(0) + 1);
            evicted = Settling.await(server, s -> s.open().equals(alone), evictionLimit(), POLL);
            figures.addAll(churnFigures(churn, broadcaster));
        }
        Settling settled =
                Settling.await(server, s -> s.settledAt(before.counts(), THREAD_MARGIN), settleLimit(), POLL);
        Snapshot after = Snapshot.of(server);
        Usage to = Usage.of(server);
        int stalled = churnCycles.closeStalled();
        Settling released =
                Settling.await(server, s -> s.settledAt(before.counts(), THREAD_MARGIN), settleLimit(), POLL);
        Snapshot last = Snapshot.of(server);
        figures.add(Figure.count(
                "slow consumers evicted",
                Math.round(difference(before.counts().evicted(), after.counts().evicted()))));
        figures.add(Figure.text("until only the broadcaster was open (s)", evicted.shown()));
        figures.add(Figure.text("then until the counts were back (s)", settled.shown()));
        figures.addAll(before.against(after, "stalled sockets still open: "));
        figures.add(Figure.count("stalled sockets the soak then closed", stalled));
        figures.add(Figure.text("then until the counts were back again (s)", released.shown()));
        figures.addAll(before.against(last, "stalled sockets closed: "));
        figures.addAll(to.cpuFigures(from));
        return figures;
    }

    /** {@code -Dchorus.close-timeout=2000ms ...}, as the server was started with them. */
    private String settingsShown() {
        return new java.util.TreeMap<>(serverSettings())
                .entrySet().stream()
                        .map(setting -> "-Dchorus." + setting.getKey() + "=" + setting.getValue())
                        .collect(Collectors.joining(" "));
    }

    /** The primer's mix: the soak's, with clean cycles for stalled readers (whose sockets stay until the end). */
    private static ChurnKind primerKind(int cycle) {
        ChurnKind kind = ChurnKind.of(cycle);
        return kind == ChurnKind.STALLED_READER ? ChurnKind.CLEAN : kind;
    }

    /** The server's own timeouts, and some slack: how long its counts may take to come back. */
    private static Duration settleLimit() {
        return HANDSHAKE_TIMEOUT.plus(WRITE_TIMEOUT).plus(CLOSE_TIMEOUT).plus(SETTLE_SLACK);
    }

    /**
     * How long the last stalled reader may take to be evicted once the churn stops: the broadcast fills the
     * kernel's send buffer, then a send stalls for the write timeout.
     */
    private static Duration evictionLimit() {
        long fillNanos = KERNEL_SEND_BUFFER / BROADCAST_BYTES * BROADCAST_PERIOD.toNanos();
        return Duration.ofNanos(fillNanos).plus(settleLimit());
    }

    private List<Figure> churnFigures(ChurnRun churn, Broadcaster broadcaster) {
        String kinds = churn.byKind().entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.format("%,d", entry.getValue()))
                .collect(Collectors.joining(", "));
        String trouble = broadcaster.trouble();
        return List.of(
                Figure.count("cycles run", churn.total()),
                Figure.text("cycles by kind", kinds),
                Figure.text(
                        "stopped by",
                        churn.capped() ? "the wall-clock cap of " + cap.toSeconds() + " s" : "the cycle count"),
                Figure.number("churn time (s)", churn.seconds(), "%.1f"),
                Figure.number("cycles/s", churn.total() / churn.seconds(), "%.0f"),
                Figure.count("failed cycles", churn.failedCount()),
                Figure.text("failure reasons", ConnectWorkload.orNone(churn.failureReasons())),
                Figure.count(BROADCAST_BYTES + "-byte lines the broadcaster said", broadcaster.sent()),
                Figure.text("broadcaster closed by the server", trouble.isEmpty() ? "no" : "yes: " + trouble));
    }

    private static double difference(OptionalDouble before, OptionalDouble after) {
        return before.isPresent() && after.isPresent() ? after.getAsDouble() - before.getAsDouble() : Double.NaN;
    }
}

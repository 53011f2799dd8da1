package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * N clients connect, at most {@value Room#HANDSHAKES_IN_FLIGHT} handshakes in flight: how long until all are
 * open, what failed and why, and what each connection costs the server in memory once the join greetings
 * (N(N+1)/2 deliveries) have settled: the RSS as the system sees it then (which also holds the heap the storm's
 * garbage made the JVM take, as much as its heap sizing allows), and the live heap after a full collection,
 * which is what the connections keep. A heap histogram of the idle connections is saved beside the server's log.
 * Then one client says one line, and the time until every client has it is the broadcast's.
 */
record ConnectWorkload(int clients, Duration limit) implements Workload {

    /** How long the broadcast may bring no new copy before the clients still without one are counted as missed. */
    private static final Duration STALL = Duration.ofSeconds(5);

    @Override
    public String title() {
        return String.format("connect: %,d clients", clients);
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        Tally tally = new Tally();
        Measurement nothing = new Measurement();
        Usage before = Usage.of(server);
        OptionalLong liveBefore = server.liveHeapKib();
        server.saveHeapHistogram("before");
        try (Connections connections = client.connect(
                server.uri(),
                Dialect.PLAIN,
                clients,
                Room.HANDSHAKES_IN_FLIGHT,
                () -> new Receiver(Dialect.PLAIN, nothing, tally),
                limit)) {
            long expected = (long) clients * (clients + 1) / 2;
            long greetings = tally.awaitGreetings(expected, limit);
            Usage after = Usage.of(server);
            OptionalLong liveAfter = server.liveHeapKib();
            String histogram = server.saveHeapHistogram("connected")
                    .map(file -> file.getFileName().toString())
                    .orElse("n/a");
            int opened = connections.openCount();
            // Per connection means per connection the server still holds: one it closed (1013 in a join storm)
            // costs it nothing any more, and dividing by it would flatter the figure.
            int open = stillOpen(connections.open());
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.count("clients opened", opened));
            figures.add(Figure.count("clients still open when measured", open));
            figures.add(
                    connections.unfinished() == 0
                            ? Figure.number("time until all open (s)", connections.seconds(), "%.2f")
                            : Figure.text("time until all open (s)", "not within " + limit.toSeconds() + " s"));
            figures.add(Figure.count("handshake failures", connections.failureCount()));
            figures.add(Figure.text("failure reasons", orNone(connections.failureReasons())));
            figures.add(Figure.text("closed by the server", orNone(tally.closeReasons())));
            figures.add(Figure.count("join greetings delivered (expected " + expected + ")", greetings));
            figures.add(Figure.number("until greetings settled (s)", (after.at() - before.at()) / 1e9, "%.2f"));
            figures.add(Figure.kib("server RSS before (MiB)", before.serverRssKib()));
            figures.add(Figure.kib("server RSS after (MiB)", after.serverRssKib()));
            figures.add(perConnection("server RSS per connection (KiB)", after, before, open));
            figures.add(Figure.kib("server live heap before (MiB)", liveBefore));
            figures.add(Figure.kib("server live heap after (MiB)", liveAfter));
            figures.add(Figure.number(
                    "server live heap per connection (KiB)",
                    perConnection(Usage.growth(liveBefore, liveAfter), open),
                    "%.1f"));
            figures.add(Figure.text("heap histograms (beside the server's log; before: *.before.*)", histogram));
            figures.addAll(after.cpuFigures(before));
            figures.addAll(broadcast(connections.open(), tally));
            return figures;
        }
    }

    /**
     * One line from the first client to all still open: how many had it, and how long after the send the last of
     * them did (the idle room, so nothing else is in the way). Gives up when no copy has come for a few seconds.
     */
    private static int stillOpen(List<Receiver> opened) {
        return alive(opened).size();
    }

    private static List<Receiver> alive(List<Receiver> opened) {
        return opened.stream()
                .filter(receiver -> !receiver.socket().isInputClosed())
                .toList();
    }

    private List<Figure> broadcast(List<Receiver> open, Tally tally) throws InterruptedException {
        List<Receiver> alive = alive(open);
        if (alive.isEmpty()) {
            return List.of(Figure.text("broadcast to all", "n/a (no client open)"));
        }
        long already = tally.others();
        long sent = System.nanoTime();
        alive.get(0).sayHello(0);
        long deadline = sent + limit.toNanos();
        long seen = 0;
        long lastProgress = sent;
        while (seen < alive.size() && System.nanoTime() - deadline < 0) {
            TimeUnit.MILLISECONDS.sleep(1);
            long now = tally.others() - already;
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                break;
            }
        }
        return List.of(
                Figure.count("broadcast: clients still open", alive.size()),
                Figure.count("broadcast: of those, reached", seen),
                seen > 0
                        ? Figure.number(
                                "broadcast: until the last copy came (ms)", (tally.lastOtherAt() - sent) / 1e6, "%.0f")
                        : Figure.text("broadcast: until the last copy came (ms)", "none came"));
    }

    private static Figure perConnection(String name, Usage after, Usage before, int open) {
        return Figure.number(name, perConnection(after.rssGrowthSince(before), open), "%.1f");
    }

    private static OptionalDouble perConnection(OptionalLong growth, int open) {
        return growth.isPresent() && open > 0
                ? OptionalDouble.of((double) growth.getAsLong() / open)
                : OptionalDouble.empty();
    }

    static String orNone(String text) {
        return text.isEmpty() ? "none" : text;
    }
}

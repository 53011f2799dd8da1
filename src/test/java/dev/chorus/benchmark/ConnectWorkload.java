package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * N clients connect, at most {@value Room#HANDSHAKES_IN_FLIGHT} handshakes in flight: how long until all are
 * open, what failed and why, and what each connection costs the server in memory once the join greetings
 * (N(N+1)/2 deliveries) have settled: the RSS as the system sees it then (which also holds the heap the storm's
 * garbage made the JVM take, as much as its heap sizing allows), and the live heap after a full collection,
 * which is what the connections keep.
 */
record ConnectWorkload(int clients, Duration limit) implements Workload {

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
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.count("clients open", connections.openCount()));
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
            figures.add(perConnection("server RSS per connection (KiB)", after, before, connections.openCount()));
            figures.add(Figure.number(
                    "server live heap per connection (KiB)",
                    perConnection(Usage.growth(liveBefore, liveAfter), connections.openCount()),
                    "%.1f"));
            figures.addAll(after.cpuFigures(before));
            return figures;
        }
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

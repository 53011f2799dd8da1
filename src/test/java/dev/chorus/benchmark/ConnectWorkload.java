package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * N clients connect, at most {@value Room#HANDSHAKES_IN_FLIGHT} handshakes in flight: how long until all are
 * open, what failed and why, and what each connection costs the server in memory once the join greetings
 * (N(N+1)/2 deliveries) have settled.
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
            figures.add(perConnection(after, before, connections.openCount()));
            figures.addAll(after.cpuFigures(before));
            return figures;
        }
    }

    private static Figure perConnection(Usage after, Usage before, int open) {
        var growth = after.rssGrowthSince(before);
        return Figure.number(
                "server RSS per connection (KiB)",
                growth.isPresent() && open > 0
                        ? OptionalDouble.of((double) growth.getAsLong() / open)
                        : OptionalDouble.empty(),
                "%.1f");
    }

    static String orNone(String text) {
        return text.isEmpty() ? "none" : text;
    }
}

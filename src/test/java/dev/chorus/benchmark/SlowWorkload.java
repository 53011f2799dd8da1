package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One client stops reading while a sender streams large messages to everyone: do the others notice (latency
 * before versus during the stall, undelivered messages), does the server's memory grow, and does the server
 * close the stalled client (Chorus: 1008 slow consumer once its outbox overflows; the baseline never does)?
 */
record SlowWorkload(
        int clients, int perSecond, int size, Duration warmup, Duration before, Duration stall, Duration limit)
        implements Workload {

    private static final Duration END_LIMIT = Duration.ofSeconds(10);

    @Override
    public String title() {
        return String.format(
                "slow: %,d clients + 1 sender at %d msg/s × %,d B, one more client stops reading for %d s",
                clients, perSecond, size, stall.toSeconds());
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        Tally tally = new Tally();
        Measurement measurement = new Measurement();
        // The sender on the JDK client, the readers on raw sockets (the JDK client cannot read this stream).
        try (Room room = Room.fill(
                        client, server.uris(), Dialect.PLAIN, clients + 1, clients, measurement, tally, limit);
                StalledSocket stalled = StalledSocket.connect(server.uri())) {
            Receiver voice = room.senders(1).get(0);
            // Chorus names the client it evicts and why; the baseline never logs one.
            Pattern evicted =
                    Pattern.compile("Client\\(" + stalled.learnId(limit) + "\\) (is a slow consumer|did not answer)");
            server.watchLog(evicted);
            long first = Timing.after(Duration.ofMillis(100));
            long start = first + warmup.toNanos();
            long stallStart = start + before.toNanos();
            long end = stallStart + stall.toNanos();
            measurement.begin(start, stallStart, end);
            Senders sending = new Senders(tally);
            sending.scheduled(voice, measurement, first, Math.round(1e9 / perSecond), size, end);
            Timing.sleepUntil(start);
            Usage from = Usage.of(server);
            Timing.sleepUntil(stallStart);
            stalled.pause();
            Usage stalling = Usage.of(server);
            Timing.sleepUntil(end);
            Usage to = Usage.of(server);
            stalled.resume();
            sending.await(end);
            measurement.awaitDelivered(room.size(), limit);
            String ending = ending(stalled.awaitEnd(END_LIMIT), server.logSeen(evicted), stallStart);
            return figures(room, measurement, tally, List.of(from, stalling, to), ending);
        }
    }

    private static List<Figure> figures(
            Room room, Measurement measurement, Tally tally, List<Usage> usage, String ending) {
        var before = measurement.latencies(0);
        var during = measurement.latencies(1);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.text("room", room.joined()));
        figures.add(Figure.latency("others' latency p50 before the stall (ms)", before, 50));
        figures.add(Figure.latency("others' latency p99 before the stall (ms)", before, 99));
        figures.add(Figure.latency("others' latency p50 during the stall (ms)", during, 50));
        figures.add(Figure.latency("others' latency p99 during the stall (ms)", during, 99));
        figures.add(Figure.latency("others' latency max during the stall (ms)", during, 100));
        figures.add(Figure.count(
                "undelivered to the others",
                measurement.missingIn(0, room.size()) + measurement.missingIn(1, room.size())));
        figures.add(Figure.text("others closed by the server", ConnectWorkload.orNone(tally.closeReasons())));
        figures.add(
                Figure.kib("server RSS when the stall began (MiB)", usage.get(1).serverRssKib()));
        figures.add(Figure.kib(
                "server RSS growth during the stall (MiB)", usage.get(2).rssGrowthSince(usage.get(1))));
        figures.add(Figure.text("stalled client closed by the server", ending));
        figures.addAll(usage.get(2).cpuFigures(usage.get(0)));
        return figures;
    }

    /** How the stalled client's connection ended, and when and why the server logged closing it. */
    private static String ending(Optional<String> end, Optional<Server.LogLine> logged, long stallStart) {
        String when = logged.map(line -> String.format(
                        " (server log %.2f s into the stall: \"%s\")",
                        (line.at() - stallStart) / 1e9,
                        line.text().substring(line.text().indexOf("Client("))))
                .orElse("");
        return end.map(how -> "yes: " + how + when).orElse("no (still open after it read its backlog)" + when);
    }
}

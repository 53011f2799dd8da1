package dev.chorus.benchmark;

import dev.chorus.testing.TcpProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A slow Redis under load: the plain fanout (closed loop) on two nodes that reach their Redis through a
 * {@link TcpProxy}, in three phases of {@code phase} each: before (no delay), during (every reply from Redis held
 * {@link #DELAY}) and after (the delay removed). A message counts in the phase that sent it, wherever it arrives, so
 * the delayed messages that catch up after the delay count against "during". The first second after the delay is
 * also shown on its own, which is where the catch-up happens. Each phase also shows what the nodes counted meanwhile
 * (evictions, bus errors, events turned away), so a healthy client closed because Redis was slow would show.
 */
record RedisLatencyWorkload(
        int receivers, int senders, int window, int size, Duration warmup, Duration phase, Duration limit)
        implements Workload {

    static final Duration DELAY = Duration.ofMillis(300);

    private static final String[] PHASES = {"before", "during", "after"};

    /** The column it runs in: two nodes and a proxy to their Redis, each node with the run's settings. */
    static Contender contender(Path jar, List<String> jvmOptions, UnaryOperator<Map<String, String>> settings) {
        return new Contender(
                "Chorus, 2 nodes + Redis through a proxy",
                "the Chorus command twice, with `-Dchorus.redis=redis://127.0.0.1:PORT` of a TCP proxy (the tests'"
                        + " TcpProxy, in the benchmark's JVM) to a `redis-server --save '' --appendonly no` on a"
                        + " free port; its CPU is both nodes' and Redis's, not the proxy's",
                (log, added) -> ClusterServer.startProxied(jar, jvmOptions, settings.apply(added), log),
                EnumSet.of(Dialect.PLAIN),
                true);
    }

    /** One per fanout size of {@code plan}, each phase as long as the plan's measured time. */
    static List<Workload> all(Plan plan) {
        return plan.fanoutReceivers().stream()
                .<Workload>map(receivers -> new RedisLatencyWorkload(
                        receivers,
                        plan.fanoutSenders(),
                        plan.fanoutWindow(),
                        plan.messageBytes(),
                        plan.warmup(),
                        plan.duration(),
                        plan.limit()))
                .toList();
    }

    @Override
    public String title() {
        return String.format(
                "redis-latency: %,d receivers + %d senders on 2 nodes, %d B, closed loop (≤ %d unacknowledged each),"
                        + " %.0f s before, during and after a %d ms delay on every reply from Redis",
                receivers, senders, size, window, phase.toMillis() / 1000.0, DELAY.toMillis());
    }

    @Override
    public boolean chorusOnly() {
        return true;
    }

    @Override
    public List<Figure> run(Server server, LoadClient client) throws Exception {
        if (!(server instanceof ClusterServer cluster) || cluster.proxy().isEmpty()) {
            throw new IOException("redis-latency needs its own cluster with a proxy to Redis (--redis-latency)");
        }
        TcpProxy proxy = cluster.proxy().get();
        Tally tally = new Tally();
        Measurement measurement = new Measurement();
        try (Room room =
                Room.fill(client, server.uris(), Dialect.PLAIN, receivers + senders, measurement, tally, limit)) {
            List<Receiver> voices = room.senders(senders);
            long start = Timing.after(warmup);
            long length = phase.toNanos();
            long end = start + 3 * length;
            long firstSecondAfter =
                    start + 2 * length + Math.min(Duration.ofSeconds(1).toNanos(), length / 2);
            measurement.begin(start, start + length, start + 2 * length, firstSecondAfter, end);
            Senders sending = new Senders(tally);
            for (Receiver voice : voices) {
                sending.closedLoop(voice, measurement, window, size, end);
            }
            List<BusCounters> counters = new ArrayList<>();
            Timing.sleepUntil(start);
            Usage from = Usage.of(server);
            counters.add(BusCounters.of(server.uris()));
            Timing.sleepUntil(start + length);
            proxy.delayReplies(DELAY);
            counters.add(BusCounters.of(server.uris()));
            Timing.sleepUntil(start + 2 * length);
            proxy.restore();
            counters.add(BusCounters.of(server.uris()));
            Timing.sleepUntil(end);
            Usage to = Usage.of(server);
            sending.await(end);
            measurement.awaitDelivered(room.size(), limit);
            counters.add(BusCounters.of(server.uris()));
            return PhaseFigures.of(room, measurement, tally, counters, PHASES, from, to);
        }
    }
}

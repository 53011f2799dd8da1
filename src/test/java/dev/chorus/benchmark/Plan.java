package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every size and duration of a run, from the full or the quick preset with the user's overrides.
 *
 * @param serverWarmup chat traffic a server gets before it is measured, so its JIT is warm (zero: none)
 * @param freshServers a new server process per workload; otherwise one per contender for all workloads
 * @param limit the bound on every wait of a workload (connecting, greetings settling, draining)
 * @param churnCycles the churn soak's connect/close cycles
 * @param churnInFlight the churn soak's cycles under way at once
 * @param churnCap the churn soak's wall-clock cap: no cycle starts after it
 * @param rooms the rooms workload's rooms, each with the fanout's senders shared out ({@link #roomSenders})
 * @param roomReceivers the rooms workload's receivers in each room
 */
record Plan(
        List<Integer> connectClients,
        List<Integer> fanoutReceivers,
        int fanoutSenders,
        int fanoutWindow,
        int messageBytes,
        Duration warmup,
        Duration duration,
        int rateClients,
        int rateSenders,
        int rate,
        int slowClients,
        int slowRate,
        int slowBytes,
        Duration slowBefore,
        Duration stall,
        Duration serverWarmup,
        boolean freshServers,
        Duration limit,
        int churnCycles,
        int churnInFlight,
        Duration churnCap,
        int rooms,
        int roomReceivers) {

    /** The churn soak's most cycles at once: threads of this JVM, each with a socket. */
    static final int MAX_CHURN_IN_FLIGHT = 1000;

    /** The sizes. */
    static final Plan FULL = new Plan(
            List.of(1000, 5000),
            List.of(100, 1000),
            10,
            10,
            64,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            1000,
            5,
            50,
            100,
            200,
            16 * 1024,
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(3),
            true,
            Duration.ofSeconds(300),
            20_000,
            200,
            Duration.ofSeconds(150),
            10,
            100);

    /** A smoke run: every workload, small counts, about a second or two each, one server per contender. */
    static final Plan QUICK = new Plan(
            List.of(100),
            List.of(20),
            5,
            10,
            64,
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            50,
            5,
            50,
            5,
            200,
            16 * 1024,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ZERO,
            false,
            Duration.ofSeconds(15),
            1000,
            50,
            Duration.ofSeconds(20),
            2,
            10);

    /** The workloads of the chosen kinds, in the report's order. */
    List<Workload> workloads(Set<Benchmark.Kind> kinds) {
        List<Workload> workloads = new ArrayList<>();
        if (kinds.contains(Benchmark.Kind.connect)) {
            connectClients.forEach(clients -> workloads.add(new ConnectWorkload(clients, limit)));
        }
        if (kinds.contains(Benchmark.Kind.fanout)) {
            fanoutReceivers.forEach(receivers -> workloads.add(fanout(Dialect.PLAIN, receivers)));
        }
        if (kinds.contains(Benchmark.Kind.fanout_v1)) {
            fanoutReceivers.forEach(receivers -> workloads.add(fanout(Dialect.V1, receivers)));
        }
        if (kinds.contains(Benchmark.Kind.rooms)) {
            workloads.add(new RoomsWorkload(
                    rooms, roomReceivers, roomSenders(), fanoutWindow, messageBytes, warmup, duration, limit));
        }
        if (kinds.contains(Benchmark.Kind.rate)) {
            workloads.add(new RateWorkload(rateClients, rateSenders, rate, messageBytes, warmup, duration, limit));
        }
        if (kinds.contains(Benchmark.Kind.slow)) {
            workloads.add(new SlowWorkload(slowClients, slowRate, slowBytes, warmup, slowBefore, stall, limit));
        }
        if (kinds.contains(Benchmark.Kind.churn)) {
            workloads.add(new ChurnWorkload(churnCycles, churnInFlight, churnCap, limit));
        }
        return workloads;
    }

    private FanoutWorkload fanout(Dialect dialect, int receivers) {
        return new FanoutWorkload(
                dialect, receivers, fanoutSenders, fanoutWindow, messageBytes, warmup, duration, limit);
    }

    /**
     * Each room's senders: the fanout's shared out over the rooms (10 over 10: one each), so the rooms together
     * have as many senders as the one room of the same total size; at least one.
     */
    int roomSenders() {
        return Math.max(1, fanoutSenders / rooms);
    }

    /** Refuses sizes that cannot run, naming the first one. */
    void check() {
        List<Integer> counts = new ArrayList<>(connectClients);
        counts.addAll(fanoutReceivers);
        counts.addAll(List.of(fanoutSenders, fanoutWindow, messageBytes, rateClients, rateSenders, rate));
        counts.addAll(List.of(slowClients, slowRate, slowBytes, churnCycles, churnInFlight, rooms, roomReceivers));
        if (counts.stream().anyMatch(count -> count < 1)) {
            throw new IllegalArgumentException("every count, size and rate must be at least 1");
        }
        if (rateSenders > rateClients) {
            throw new IllegalArgumentException("--rate-senders must not exceed --rate-clients");
        }
        if (churnInFlight > MAX_CHURN_IN_FLIGHT) {
            throw new IllegalArgumentException("--churn-in-flight must not exceed " + MAX_CHURN_IN_FLIGHT
                    + ": each is a socket and a thread here, and a process may open 20 000 files");
        }
        if (warmup.isNegative() || serverWarmup.isNegative()) {
            throw new IllegalArgumentException("warm-ups must not be negative");
        }
        for (Duration length : List.of(duration, slowBefore, stall, limit, churnCap)) {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("every duration except the warm-up must be positive");
            }
        }
    }
}

package dev.chorus.benchmark;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Runs churn cycles on a fixed number of threads, each taking the next cycle number until all are taken or the
 * wall-clock cap has passed (a cycle under way then finishes; each of its steps is bounded), and counts what
 * was done and what failed, by kind.
 */
final class ChurnRun {

    /** How long the threads may take to finish the cycles under way once the cap has passed. */
    private static final Duration FINISH_LIMIT = Duration.ofSeconds(30);

    private static final int REASON_LENGTH = 100;

    private final ChurnCycles cycles;
    private final IntFunction<ChurnKind> mix;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray done = new AtomicLongArray(ChurnKind.values().length);
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private volatile boolean capped;
    private long nanos;

    /** Runs {@code cycles}, cycle N of the kind {@code mix} gives it. */
    ChurnRun(ChurnCycles cycles, IntFunction<ChurnKind> mix) {
        this.cycles = cycles;
        this.mix = mix;
    }

    /** Runs up to {@code count} cycles, {@code inFlight} at a time, starting none after {@code cap}. */
    void run(int count, int inFlight, Duration cap) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        AtomicInteger names = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(inFlight, runnable -> {
            Thread thread = new Thread(runnable, "churn-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < inFlight; i++) {
            threads.execute(() -> work(count, deadline));
        }
        threads.shutdown();
        if (!threads.awaitTermination(cap.plus(FINISH_LIMIT).toMillis(), TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("the churn threads did not finish within the cap + " + FINISH_LIMIT);
        }
        nanos = System.nanoTime() - start;
    }

    private void work(int count, long deadline) {
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                capped = true;
                return;
            }
            int cycle = next.getAndIncrement();
            if (cycle >= count) {
                return;
            }
            ChurnKind kind = mix.apply(cycle);
            try {
                cycles.run(kind, cycle);
            } catch (Exception e) {
                failed.increment();
                String reason = kind + ": " + e.getMessage();
                reason = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) + "…" : reason;
                failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
            }
            done.incrementAndGet(kind.ordinal());
        }
    }

    /** Cycles run (successful or not). */
    long total() {
        long total = 0;
        for (ChurnKind kind : ChurnKind.values()) {
            total += done.get(kind.ordinal());
        }
        return total;
    }

    Map<ChurnKind, Long> byKind() {
        Map<ChurnKind, Long> byKind = new EnumMap<>(ChurnKind.class);
        for (ChurnKind kind : ChurnKind.values()) {
            byKind.put(kind, done.get(kind.ordinal()));
        }
        return byKind;
    }

    long failedCount() {
        return failed.sum();
    }

    /** {@code reason ×count, …}, most frequent first; empty if none failed. */
    String failureReasons() {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((reason, count) -> sorted.put(reason, count.sum()));
        return sorted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " ×" + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    boolean capped() {
        return capped;
    }

    double seconds() {
        return nanos / 1e9;
    }
}

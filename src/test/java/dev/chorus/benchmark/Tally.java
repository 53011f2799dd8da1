package dev.chorus.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts over every connection of one workload run (or one room of it): greetings, stray lines, other rooms'
 * messages, misordering, server closes.
 */
final class Tally {

    private final LongAdder greetings = new LongAdder();
    private final LongAdder others = new LongAdder();
    private volatile long lastOtherAt;
    private final LongAdder reordered = new LongAdder();
    private final LongAdder foreign = new LongAdder();
    private final Map<String, LongAdder> closes = new ConcurrentHashMap<>();

    void greeting() {
        greetings.increment();
    }

    /** A line that is neither a greeting nor a benchmark message (e.g. a sender's hello). */
    void other() {
        others.increment();
        lastOtherAt = System.nanoTime();
    }

    /** Lines that were neither greetings nor benchmark messages, e.g. every copy of a sender's hello. */
    long others() {
        return others.sum();
    }

    /** When the latest of {@link #others} arrived, as {@link System#nanoTime}; 0 if none has. */
    long lastOtherAt() {
        return lastOtherAt;
    }

    /** A benchmark message from none of this run's (or this room's) senders: another room's, if rooms leak. */
    void foreign() {
        foreign.increment();
    }

    long foreignCount() {
        return foreign.sum();
    }

    void reordered() {
        reordered.increment();
    }

    /** The server closed a connection (close frame or error) while the run was on. */
    void closed(String why) {
        closes.computeIfAbsent(why, k -> new LongAdder()).increment();
    }

    long greetings() {
        return greetings.sum();
    }

    long reorderedCount() {
        return reordered.sum();
    }

    long closedCount() {
        return closes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** E.g. {@code 3× 1008 slow consumer}; empty if nothing was closed. */
    String closeReasons() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(closes).forEach((why, count) -> {
            text.append(text.length() == 0 ? "" : "; ")
                    .append(count.sum())
                    .append("× ")
                    .append(why);
        });
        return text.toString();
    }

    /**
     * Waits until at least {@code expected} greetings arrived and no more came for a moment: with N clients
     * the joins alone are N(N+1)/2 deliveries, which must not leak into the measurement. Bounded by
     * {@code limit}; also gives up when nothing at all arrives for a few seconds. Returns the count.
     */
    long awaitGreetings(long expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            long now = greetings();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (now >= expected || System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(5)) {
                return now;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return greetings();
    }
}

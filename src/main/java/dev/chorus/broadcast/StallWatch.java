package dev.chorus.broadcast;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the write timeout: one task on one thread looks over every member's outbox a few times per timeout
 * and evicts those whose send has stalled. Nothing is scheduled per session, so nothing needs cancelling when
 * a session closes.
 */
public final class StallWatch implements AutoCloseable {

    private static final Duration LONGEST_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(10);

    private final ScheduledExecutorService timer;

    /** Starts watching; a stalled send is noticed at most a quarter of {@code writeTimeout} late. */
    public StallWatch(Duration writeTimeout, ThreadFactory threads) {
        Duration period = writeTimeout.dividedBy(4);
        if (period.compareTo(LONGEST_PERIOD) > 0) {
            period = LONGEST_PERIOD;
        } else if (period.compareTo(SHORTEST_PERIOD) < 0) {
            period = SHORTEST_PERIOD;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(threads);
        timer.scheduleWithFixedDelay(Audience::evictStalled, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A thread factory for plain Java (the launcher): one daemon thread named for its job. */
    public static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "chorus-stall-watch");
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package dev.chorus.chat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The room's one background thread. It runs the periodic checks over all sessions (stalled sends, missing
 * pongs); nothing is ever scheduled per connection, so nothing needs cancelling when one closes.
 */
public final class Housekeeper implements AutoCloseable {

    /** The thread's name, so an operator (and a test) can find it. */
    public static final String THREAD_NAME = "chorus-housekeeper";

    private static final Duration LONGEST_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(10);

    private final ScheduledExecutorService timer;

    public Housekeeper(ThreadFactory threads) {
        this.timer = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** A thread factory for plain Java (the launcher): one daemon thread named {@link #THREAD_NAME}. */
    public static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs {@code check} often enough to notice a deadline of {@code resolution} at most a quarter late (but
     * not more often than every 10 ms, nor less often than every second).
     */
    void every(Duration resolution, Runnable check) {
        Duration period = resolution.dividedBy(4);
        if (period.compareTo(LONGEST_PERIOD) > 0) {
            period = LONGEST_PERIOD;
        } else if (period.compareTo(SHORTEST_PERIOD) < 0) {
            period = SHORTEST_PERIOD;
        }
        timer.scheduleWithFixedDelay(() -> runSafely(check), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A periodic task that throws is never run again: log the bug and keep the check alive. */
    private static void runSafely(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            System.getLogger(Housekeeper.class.getName()).log(System.Logger.Level.ERROR, "A periodic check failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

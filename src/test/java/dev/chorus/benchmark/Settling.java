package dev.chorus.benchmark;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bounded wait for the server's counts to reach a state, polled: whether they did, how long it took, and the
 * last counts seen.
 */
record Settling(boolean reached, double seconds, Duration limit, ServerCounts last) {

    /** Polls the server's counts every {@code poll} until {@code reached} holds or {@code limit} has passed. */
    static Settling await(Server server, Predicate<ServerCounts> reached, Duration limit, Duration poll)
            throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            ServerCounts now = ServerCounts.of(server);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (reached.test(now)) {
                return new Settling(true, seconds, limit, now);
            }
            if (seconds * 1e9 > limit.toNanos()) {
                return new Settling(false, seconds, limit, now);
            }
            TimeUnit.NANOSECONDS.sleep(poll.toNanos());
        }
    }

    /** {@code 1.23}, or {@code not within 13 s} */
    String shown() {
        return reached ? String.format(Locale.ROOT, "%.2f", seconds) : "not within " + limit.toSeconds() + " s";
    }
}

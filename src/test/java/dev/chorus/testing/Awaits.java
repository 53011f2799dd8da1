package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that no event announces (e.g. "the server's session set is empty"), checking it
 * every millisecond and failing with a description after {@link Peer#WAIT}. Where a message or a log line
 * can be awaited, await that instead.
 */
public final class Awaits {

    private Awaits() {}

    public static void until(BooleanSupplier condition, Supplier<String> whatWasExpected) {
        until(Peer.WAIT, Duration.ofMillis(1), condition, whatWasExpected);
    }

    /**
     * Like {@link #until(BooleanSupplier, Supplier)} for something known to take longer (a Redis failover), with
     * its own bound, checked every {@code every} (a check that costs a connection should not run every millisecond).
     */
    public static void until(
            Duration bound, Duration every, BooleanSupplier condition, Supplier<String> whatWasExpected) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + bound.toSeconds() + " s: " + whatWasExpected.get());
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }
}

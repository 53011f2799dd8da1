package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
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
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + Peer.WAIT.toSeconds() + " s: " + whatWasExpected.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}

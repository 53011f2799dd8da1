package dev.chorus.benchmark;

import java.util.concurrent.TimeUnit;

/** Waiting for a point in {@link System#nanoTime} time, which every phase boundary is expressed in. */
final class Timing {

    private Timing() {}

    static long after(java.time.Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}

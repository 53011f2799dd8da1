package dev.chorus.benchmark;

import java.time.Duration;

/**
 * A workload's measured span: the server's usage at its start and its end, taken once the senders have
 * stopped and every receiver has had what it was owed (or the limit has passed).
 */
record Span(Usage from, Usage to) {

    /** What follows the span's end: the senders stop and what they sent is delivered (each wait bounded). */
    interface Drain {
        void await() throws InterruptedException;
    }

    static Span measure(
            Server server, Senders sending, Measurement measurement, Room room, long start, long end, Duration limit)
            throws InterruptedException {
        return measure(server, start, end, () -> {
            sending.await(end);
            measurement.awaitDelivered(room.size(), limit);
        });
    }

    /** Usage at {@code start} and at {@code end}, returned once {@code drain} is done. */
    static Span measure(Server server, long start, long end, Drain drain) throws InterruptedException {
        Timing.sleepUntil(start);
        Usage from = Usage.of(server);
        Timing.sleepUntil(end);
        Usage to = Usage.of(server);
        drain.await();
        return new Span(from, to);
    }
}

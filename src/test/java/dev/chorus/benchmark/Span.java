package dev.chorus.benchmark;

import java.time.Duration;

/**
 * A workload's measured span: the server's usage at its start and its end, taken once the senders have
 * stopped and every receiver has had what it was owed (or the limit has passed).
 */
record Span(Usage from, Usage to) {

    static Span measure(
            Server server, Senders sending, Measurement measurement, Room room, long start, long end, Duration limit)
            throws InterruptedException {
        Timing.sleepUntil(start);
        Usage from = Usage.of(server);
        Timing.sleepUntil(end);
        Usage to = Usage.of(server);
        sending.await(end);
        measurement.awaitDelivered(room.size(), limit);
        return new Span(from, to);
    }
}

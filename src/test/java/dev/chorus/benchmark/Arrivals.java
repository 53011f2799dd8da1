package dev.chorus.benchmark;

import java.util.Arrays;

/**
 * What one reading connection makes of each complete message, from its head alone: a join greeting, a
 * benchmark message (timed into the {@link Measurement}, its order per sender checked) or anything else. Shared
 * by the JDK client's {@link Receiver} and the raw {@link RawReader}, so both measure exactly the same way.
 * One instance per connection, called by one thread at a time.
 */
final class Arrivals {

    /** {@link #arrived}'s answer for a join greeting. */
    static final int GREETING = 0;
    /** {@link #arrived}'s answer for a line that is neither a greeting nor a benchmark message. */
    static final int OTHER = -1;

    private final Dialect dialect;
    private final Measurement measurement;
    private final Tally tally;
    private final Payload.Parsed parsed = new Payload.Parsed();
    private long[] lastSeq;

    Arrivals(Dialect dialect, Measurement measurement, Tally tally) {
        this.dialect = dialect;
        this.measurement = measurement;
        this.tally = tally;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Counts a message that arrived complete at {@code now}, of which {@code head[0, length)} is the start;
     * returns the sender's server id (positive) of a benchmark message, else {@link #GREETING} or
     * {@link #OTHER}.
     */
    int arrived(char[] head, int length, long now) {
        if (dialect.isGreeting(head, length)) {
            tally.greeting();
            return GREETING;
        }
        if (!Payload.parse(dialect, head, length, parsed)) {
            tally.other();
            return OTHER;
        }
        int sender = measurement.senderIndex(parsed.client);
        if (sender < 0) {
            // Stamped like ours but from none of the senders this connection's room has: another room's.
            tally.foreign();
            return OTHER;
        }
        if (lastSeq == null || lastSeq.length != measurement.senderCount()) {
            lastSeq = new long[measurement.senderCount()];
            Arrays.fill(lastSeq, -1);
        }
        if (parsed.seq <= lastSeq[sender]) {
            tally.reordered();
        } else {
            lastSeq[sender] = parsed.seq;
        }
        measurement.received(parsed.nanos, now);
        return parsed.client;
    }
}

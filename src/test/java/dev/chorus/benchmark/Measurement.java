package dev.chorus.benchmark;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one workload measures: consecutive phases (e.g. "before" and "during" a stall), each a window of send
 * stamps. A message belongs to the phase its stamp falls in, wherever it is received, so a late delivery still
 * counts against the phase that sent it; messages outside every phase (joins, warm-up, drain) are ignored.
 * Latencies go to a wait-free {@link Recorder} per phase (microseconds), never a lock on the hot path.
 */
final class Measurement {

    /** The phases, published once by {@link #begin}; until then every message is outside them. */
    private record Phases(long[] bounds, Recorder[] latencies, LongAdder[] sent, LongAdder[] received) {}

    private volatile Phases phases = new Phases(new long[0], new Recorder[0], new LongAdder[0], new LongAdder[0]);
    private volatile int[] senderIds = new int[0];

    /**
     * Starts measuring.
     *
     * @param bounds phase boundaries as {@link System#nanoTime} values: phase i is [bounds[i], bounds[i+1])
     */
    void begin(long... bounds) {
        int count = bounds.length - 1;
        Phases next = new Phases(bounds.clone(), new Recorder[count], new LongAdder[count], new LongAdder[count]);
        for (int i = 0; i < count; i++) {
            next.latencies[i] = new Recorder(3);
            next.sent[i] = new LongAdder();
            next.received[i] = new LongAdder();
        }
        phases = next;
    }

    /** The server ids of the senders, learnt from their hellos; receivers keep order per sender. */
    void senders(int[] ids) {
        senderIds = ids.clone();
    }

    int senderCount() {
        return senderIds.length;
    }

    /** The sender's index for a server id, or -1 if that client is not one of this run's senders. */
    int senderIndex(int clientId) {
        int[] ids = senderIds;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == clientId) {
                return i;
            }
        }
        return -1;
    }

    void sent(long stamp) {
        Phases now = phases;
        int phase = phaseOf(now, stamp);
        if (phase >= 0) {
            now.sent[phase].increment();
        }
    }

    void received(long stamp, long at) {
        Phases now = phases;
        int phase = phaseOf(now, stamp);
        if (phase >= 0) {
            now.received[phase].increment();
            now.latencies[phase].recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(at - stamp)));
        }
    }

    long sentIn(int phase) {
        return phases.sent[phase].sum();
    }

    long receivedIn(int phase) {
        return phases.received[phase].sum();
    }

    /** Deliveries a phase still owes: every message it sent, to each of {@code audience} readers. */
    long missingIn(int phase, int audience) {
        return sentIn(phase) * audience - receivedIn(phase);
    }

    /** The phase's latencies (microseconds); call once per phase, after the drain. */
    Histogram latencies(int phase) {
        return phases.latencies[phase].getIntervalHistogram();
    }

    /** The phase's length in seconds. */
    double seconds(int phase) {
        long[] bounds = phases.bounds;
        return (bounds[phase + 1] - bounds[phase]) / 1e9;
    }

    /**
     * After the senders stopped: waits until every phase's messages reached all {@code audience} readers,
     * or nothing more arrived for a few seconds, or {@code limit} passed. What is still missing is lost.
     */
    void awaitDelivered(int audience, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            long missing = 0;
            for (int phase = 0; phase < phases.bounds.length - 1; phase++) {
                missing += missingIn(phase, audience);
            }
            if (missing <= 0 || System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            if (missing != last) {
                last = missing;
                lastChange = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static int phaseOf(Phases phases, long stamp) {
        long[] bounds = phases.bounds;
        for (int i = 0; i + 1 < bounds.length; i++) {
            if (stamp - bounds[i] >= 0 && stamp - bounds[i + 1] < 0) {
                return i;
            }
        }
        return -1;
    }
}

package dev.chorus.benchmark;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Brings a fresh server up to speed before it is measured: a short closed-loop chat among a few clients, so
 * the first workload figures are not the JIT compiler's (a cold Chorus needs about a second to catch up).
 */
final class ServerWarmup {

    private static final int CLIENTS = 20;
    private static final int SENDERS = 5;
    private static final int WINDOW = 10;
    private static final int SIZE = 64;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private ServerWarmup() {}

    /** Warms {@code server} with {@code length} of chat in {@code dialect}, the one its workload will use. */
    static void run(Server server, LoadClient client, Dialect dialect, Duration length) throws Exception {
        if (length.isZero()) {
            return;
        }
        Tally tally = new Tally();
        Measurement ignored = new Measurement();
        try (Room room = Room.fill(client, server.uris(), dialect, CLIENTS, ignored, tally, LIMIT)) {
            long end = Timing.after(length);
            Senders sending = new Senders(tally);
            for (Receiver voice : room.senders(SENDERS)) {
                sending.closedLoop(voice, ignored, WINDOW, SIZE, end);
            }
            sending.await(end);
        }
        // Lets the server see these clients leave before the workload takes its first snapshot.
        TimeUnit.SECONDS.sleep(1);
    }
}

package dev.chorus.client;

import dev.chorus.protocol.CloseReasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pings one connection on a schedule and closes it when a pong is overdue. At most one ping is in flight, so
 * a slow peer is not flooded; the deadline is checked at each tick, so a dead peer is noticed within one
 * interval after the timeout.
 */
final class Heartbeat {

    private static final byte[] PAYLOAD = "chorus".getBytes(StandardCharsets.US_ASCII);

    private final ChatClient client;
    private final Pings pings;
    private final Consumer<Throwable> errors;
    private volatile long pingSentAt;
    private volatile boolean awaitingPong;
    private ScheduledFuture<?> task;

    private Heartbeat(ChatClient client, Pings pings, Consumer<Throwable> errors) {
        this.client = client;
        this.pings = pings;
        this.errors = errors;
    }

    /** Starts pinging {@code client} on {@code scheduler}; failures to ping go to {@code errors}. */
    static Heartbeat start(
            ChatClient client, Pings pings, ScheduledExecutorService scheduler, Consumer<Throwable> errors) {
        Heartbeat heartbeat = new Heartbeat(client, pings, errors);
        long interval = pings.interval().toNanos();
        heartbeat.task = scheduler.scheduleAtFixedRate(heartbeat::tick, interval, interval, TimeUnit.NANOSECONDS);
        return heartbeat;
    }

    /** Any pong shows the peer is alive, whichever ping it answers. */
    void pongReceived() {
        awaitingPong = false;
    }

    void stop() {
        task.cancel(false);
    }

    private void tick() {
        try {
            if (!awaitingPong) {
                pingSentAt = System.nanoTime();
                awaitingPong = true;
                client.ping(ByteBuffer.wrap(PAYLOAD));
            } else if (System.nanoTime() - pingSentAt > pings.timeout().toNanos()) {
                stop();
                client.closeNow(CloseReasons.NO_PONG); // a dead peer would never answer a close
            }
        } catch (IOException e) {
            if (client.isOpen()) {
                errors.accept(e); // otherwise the close is already under way and says more
            }
        }
    }
}

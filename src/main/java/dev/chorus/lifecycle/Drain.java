package dev.chorus.lifecycle;

import dev.chorus.broadcast.Outbox;
import dev.chorus.connection.Audience;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The graceful end of a room: each client is closed with {@code 1001 server shutting down} as soon as its
 * outbox is empty, so the close frame follows everything already queued for it. Whoever is still waiting for
 * the network when the drain timeout runs out is closed at once and its queue dropped.
 */
public final class Drain {

    private static final System.Logger LOG = System.getLogger(Drain.class.getName());
    /**
     * How often the drain looks at the outboxes. It polls rather than hooking every send: the drain happens
     * once, at shutdown, and the hot path stays free of shutdown checks.
     */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Drain() {}

    /** Drains every member of {@code audience} for at most {@code timeout}; returns when all are closed. */
    public static void run(Audience audience, Duration timeout) {
        if (audience.size() == 0) {
            return; // nothing to drain, nothing to say (a startup that failed stops this way too)
        }
        LOG.log(Level.INFO, "Draining {0} clients for at most {1}", Integer.toString(audience.size()), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closeTheDrained(audience) > 0) {
            if (!pauseBefore(deadline)) {
                cutTheRest(audience, timeout);
                return;
            }
        }
        LOG.log(Level.INFO, "Drained: every client had its queued messages and a 1001 close");
    }

    /**
     * Waits, for at most {@code limit}, until {@code open} says no client is left whose close is unreported:
     * a container may report a close it sent only when the connection ends, and only then is the client gone.
     * Polled, as the drain is.
     */
    public static void awaitClosed(IntSupplier open, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (open.getAsInt() > 0) {
            if (!pauseBefore(deadline)) {
                LOG.log(Level.DEBUG, () -> open.getAsInt() + " clients' closes were not reported within " + limit);
                return;
            }
        }
    }

    /** Waits one poll, or until {@code deadline}; false if the deadline has passed or the wait was interrupted. */
    private static boolean pauseBefore(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, POLL_NANOS));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Closes every member whose outbox is empty; returns how many still have something queued. */
    private static int closeTheDrained(Audience audience) {
        AtomicInteger waiting = new AtomicInteger();
        audience.forEach(session -> {
            if (Audience.outbox(session).map(Outbox::pendingMessages).orElse(0) == 0) {
                audience.dismiss(session, CloseReasons.SHUTTING_DOWN);
            } else {
                waiting.incrementAndGet();
            }
        });
        return waiting.get();
    }

    private static void cutTheRest(Audience audience, Duration timeout) {
        AtomicInteger clients = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        audience.forEach(session -> {
            clients.incrementAndGet();
            bytes.addAndGet(queuedBytes(session));
            audience.dismiss(session, CloseReasons.SHUTTING_DOWN);
        });
        LOG.log(
                Level.WARNING,
                "Drain timed out after {0}: closed {1} clients with {2} bytes still queued",
                timeout,
                Integer.toString(clients.get()),
                Long.toString(bytes.get()));
    }

    private static long queuedBytes(Session session) {
        Optional<Outbox> outbox = Audience.outbox(session);
        return outbox.map(Outbox::pendingBytes).orElse(0L);
    }
}

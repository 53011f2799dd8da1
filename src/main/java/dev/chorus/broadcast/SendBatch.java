package dev.chorus.broadcast;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back the writes that deliveries start while a batch is open on this thread, until it closes. A chat
 * room orders its events by letting one thread at a time queue them for everybody; with a batch around that
 * turn, the turn only queues (cheap, and in the same order for everyone), and the socket writes it started
 * happen after the turn is released, on the sender's own thread, in parallel with the other senders' writes.
 */
public final class SendBatch {

    private static final ThreadLocal<List<Outbox>> OPEN = new ThreadLocal<>();

    private SendBatch() {}

    /** Runs {@code queueing}, then starts the sends it left to this batch. A batch inside a batch is the outer one. */
    public static void run(Runnable queueing) {
        if (OPEN.get() != null) {
            queueing.run();
            return;
        }
        List<Outbox> started = new ArrayList<>();
        OPEN.set(started);
        try {
            queueing.run();
        } finally {
            OPEN.remove();
            started.forEach(Outbox::send);
        }
    }

    /**
     * Starts the sends held back so far in this thread's open batch (if any), before it closes: for a thread
     * that is about to wait on the network, so that nobody's delivery waits with it.
     */
    public static void flush() {
        List<Outbox> started = OPEN.get();
        if (started == null || started.isEmpty()) {
            return;
        }
        List<Outbox> now = new ArrayList<>(started);
        started.clear(); // sends held back while these start are left to the batch
        now.forEach(Outbox::send);
    }

    /** Leaves {@code outbox}'s first send to this thread's open batch; false if none is open. */
    static boolean holdBack(Outbox outbox) {
        List<Outbox> started = OPEN.get();
        if (started == null) {
            return false;
        }
        started.add(outbox);
        return true;
    }
}

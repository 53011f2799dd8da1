package dev.chorus.broadcast;

import dev.chorus.settings.OutboxLimits;
import jakarta.websocket.SendResult;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's queue of outgoing messages, bounded by {@link OutboxLimits}, with at most one send in flight.
 *
 * <p>{@link #offer} never blocks and never sends more than one frame at a time to the same peer: the next
 * message starts when the container reports the previous one done. Inside a {@link SendBatch} the first send
 * waits for the batch to close. A send that completes on the calling
 * thread continues the loop there instead of recursing, so a long queue cannot overflow the stack
 * ({@link OutboxSend}). This class is the send loop; what waits, and what it adds up to, is its {@link OutboxQueue},
 * guarded by this outbox's lock.
 */
public final class Outbox {

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final long IDLE = Long.MIN_VALUE;
    /** Outboxes not yet closed, across all sessions: a leak shows here. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    /** What became of an offered message. */
    public enum Verdict {
        QUEUED,
        /** The outbox is full: the peer is not keeping up. Nothing was queued. */
        OVERFLOW,
        /** The outbox was closed (the peer left or was evicted). Nothing was queued. */
        CLOSED
    }

    private final Wire.Sender wire;
    private final OutboxLimits limits;
    private final String peer;
    private final BroadcastListener listener;
    /** Told once when a send fails: the peer must then be closed, or it would stay connected but deaf. */
    private final Runnable onBroken;

    private final OutboxQueue queue;
    /** When the send in flight started (System.nanoTime), or {@link #IDLE}. */
    private long sendStarted = IDLE;
    /** When a send last completed successfully (System.nanoTime): the peer was reading then. */
    private volatile long lastDelivered = System.nanoTime();

    private long delivered;
    private boolean sending;
    private boolean closed;

    /**
     * @param peer names the peer in log lines, e.g. {@code Client(3)}
     */
    public Outbox(Wire.Sender wire, OutboxLimits limits, String peer) {
        this(wire, limits, peer, BroadcastListener.NONE, () -> {});
    }

    /**
     * @param listener hears every message this outbox delivers
     * @param onBroken runs once, on the thread that saw it, when a send fails: the outbox is closed by then, and
     *     the peer must be closed too (it would otherwise stay connected and never hear anything again)
     */
    public Outbox(Wire.Sender wire, OutboxLimits limits, String peer, BroadcastListener listener, Runnable onBroken) {
        this.wire = wire;
        this.limits = limits;
        this.queue = new OutboxQueue(limits);
        this.peer = peer;
        this.listener = listener;
        this.onBroken = onBroken;
        OPEN.incrementAndGet();
    }

    /** How many outboxes exist that have not been closed. */
    public static int open() {
        return OPEN.get();
    }

    /** Queues {@code message} and starts sending if nothing is in flight. Never blocks on the network. */
    public Verdict offer(Outgoing message) {
        long held = wire.heldBytes(); // outside the lock: it asks the container
        synchronized (this) {
            if (closed) {
                return Verdict.CLOSED;
            }
            if (!queue.add(message, held)) {
                return Verdict.OVERFLOW;
            }
            if (sending) {
                return Verdict.QUEUED;
            }
            sending = true;
        }
        if (!SendBatch.holdBack(this)) {
            send();
        }
        return Verdict.QUEUED;
    }

    /**
     * Drops everything queued; later offers are refused. Returns the bytes that were still waiting for the peer,
     * what the container holds for it included (that goes when the connection does).
     */
    public long close() {
        long held = wire.heldBytes(); // outside the lock: it asks the container
        synchronized (this) {
            long dropped = queue.pendingBytes() + held;
            closeOnce();
            return dropped;
        }
    }

    /** Closes the outbox; true only for the call that closed it. */
    private synchronized boolean closeOnce() {
        if (closed) {
            return false;
        }
        OPEN.decrementAndGet();
        closed = true;
        queue.clear();
        return true;
    }

    /** Whether the send in flight has been unfinished for longer than the write timeout at {@code now}. */
    public synchronized boolean isStalled(long now) {
        return !closed
                && sendStarted != IDLE
                && now - sendStarted > limits.writeTimeout().toNanos();
    }

    /** Bytes queued or in flight. */
    public synchronized long pendingBytes() {
        return queue.pendingBytes();
    }

    /** Messages written to the peer so far. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Messages queued or in flight. */
    public synchronized int pendingMessages() {
        return queue.pendingMessages();
    }

    /**
     * Sends what is queued, one write at a time; called once by whoever made the outbox start sending. A write
     * carries one message, or as many queued ones as the wire takes at once ({@link Wire.Sender#batchSize}: a
     * backlog, e.g. after a join storm, then costs one write per batch instead of one per message).
     */
    void send() {
        while (true) {
            List<Outgoing> next;
            synchronized (this) {
                next = closed ? List.of() : queue.take(wire);
                if (next.isEmpty()) {
                    sending = false;
                    if (!closed) {
                        queue.releaseBacklogSpace();
                    }
                    return;
                }
                sendStarted = System.nanoTime();
            }
            OutboxSend send = new OutboxSend(this, next);
            try {
                if (next.size() == 1) {
                    wire.send(next.get(0), send);
                } else {
                    wire.sendAll(next, send);
                }
            } catch (Throwable e) { // a container's encoder throws Errors too (Payara, on a lone surrogate)
                refused(e);
                send.onResult(new SendResult(e));
            }
            if (send.callerReturnsFirst()) {
                return;
            }
        }
    }

    /**
     * A send the container refused outright. Tyrus says "closed" with an IllegalStateException (routine: the
     * peer just left); anything else is a bug or a container's limit, said once (this outbox then closes) with
     * its stack. Either way only this peer is closed (onBroken), and nobody else is held up.
     */
    private void refused(Throwable e) {
        if (e instanceof IllegalStateException) {
            LOG.log(Level.DEBUG, () -> "Send to " + peer + " refused: " + e);
        } else {
            LOG.log(Level.ERROR, "Sending to " + peer + " failed unexpectedly: closing it with 1011", e);
        }
    }

    /** The write of {@code messages} ended with {@code result}. */
    void sent(List<Outgoing> messages, SendResult result) {
        synchronized (this) {
            sendStarted = IDLE;
            if (!closed) {
                queue.settled(messages);
            }
            if (result.isOK()) {
                delivered += messages.size();
            }
        }
        if (result.isOK()) {
            lastDelivered = System.nanoTime();
            for (int i = 0; i < messages.size(); i++) { // indexed: once per write, and the list is random access
                listener.delivered(messages.get(i));
            }
        } else {
            // Usually the peer is gone or going. Either way nothing more can reach it: stop feeding it, and have it
            // closed, so it never stays in the room connected but deaf.
            LOG.log(Level.DEBUG, () -> "Send to " + peer + " failed: " + result.getException());
            if (closeOnce()) {
                onBroken.run();
            }
        }
    }

    /** When a send to this peer last completed (System.nanoTime), or when the outbox was made. */
    public long lastDelivered() {
        return lastDelivered;
    }
}

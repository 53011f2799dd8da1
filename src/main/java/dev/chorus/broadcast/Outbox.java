package dev.chorus.broadcast;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One session's queue of outgoing messages, bounded by {@link OutboxLimits}, with at most one send in flight.
 *
 * <p>{@link #offer} never blocks and never sends more than one frame at a time to the same peer: the next
 * message starts when the container reports the previous one done. Inside a {@link SendBatch} the first send
 * waits for the batch to close. A send that completes on the calling
 * thread continues the loop there instead of recursing, so a long queue cannot overflow the stack.
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
    /** A queue that grew past this many entries is replaced once it empties (an ArrayDeque never shrinks). */
    private static final int SHRINK_ABOVE = 64;
    /** The most messages one write carries, however small they are. */
    private static final int MAX_BATCH = 256;

    private ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    /** The most messages queued since the queue was last replaced. */
    private int peak;
    /** When the send in flight started (System.nanoTime), or {@link #IDLE}. */
    private long sendStarted = IDLE;
    /** When a send last completed successfully (System.nanoTime): the peer was reading then. */
    private volatile long lastDelivered = System.nanoTime();

    private long delivered;
    private long pendingBytes;
    private int pendingMessages;
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
            if (pendingMessages >= limits.maxMessages()
                    || ((pendingMessages > 0 || held > 0)
                            && pendingBytes + held + message.size() > limits.maxBytes())) {
                // An empty outbox takes any one message, so a message larger than the bound (a chorus.v1
                // rendition of a long text full of escapes) is still delivered to a client that keeps up.
                // What the container still holds for the peer counts as queued (Payara, see Wire.Sender).
                return Verdict.OVERFLOW;
            }
            queue.add(message);
            pendingBytes += message.size();
            pendingMessages++;
            peak = Math.max(peak, queue.size());
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
            long dropped = pendingBytes + held;
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
        queue = new ArrayDeque<>(0);
        pendingBytes = 0;
        pendingMessages = 0;
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
        return pendingBytes;
    }

    /** Messages written to the peer so far. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Messages queued or in flight. */
    public synchronized int pendingMessages() {
        return pendingMessages;
    }

    /**
     * Sends what is queued, one write at a time; called once by whoever made the outbox start sending. A write
     * carries one message, or as many queued ones as the wire takes at once (a backlog, e.g. after a join
     * storm, then costs one write per batch instead of one per message).
     */
    void send() {
        while (true) {
            List<Outgoing> next;
            synchronized (this) {
                next = closed ? List.of() : takeBatch();
                if (next.isEmpty()) {
                    sending = false;
                    releaseBacklogSpace();
                    return;
                }
                sendStarted = System.nanoTime();
            }
            Send send = new Send(next);
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

    /** The next write's messages: the oldest, and those behind it that fit the wire's batch. Holds the lock. */
    private List<Outgoing> takeBatch() {
        Outgoing first = queue.poll();
        if (first == null) {
            return List.of();
        }
        int room = wire.batchBytes() - first.size();
        if (room <= 0 || queue.isEmpty() || queue.peek().size() > room) {
            return List.of(first);
        }
        List<Outgoing> batch = new ArrayList<>(Math.min(queue.size() + 1, MAX_BATCH));
        batch.add(first);
        while (!queue.isEmpty() && queue.peek().size() <= room && batch.size() < MAX_BATCH) {
            Outgoing message = queue.poll();
            room -= message.size();
            batch.add(message);
        }
        return batch;
    }

    /**
     * After a burst (a join storm queues one notice per newcomer for everyone) the emptied queue would keep its
     * largest size for the rest of the connection: thousands of connections times thousands of slots.
     */
    private void releaseBacklogSpace() {
        if (peak > SHRINK_ABOVE && !closed) {
            queue = new ArrayDeque<>();
            peak = 0;
        }
    }

    private void sent(List<Outgoing> messages, SendResult result) {
        synchronized (this) {
            sendStarted = IDLE;
            if (!closed) {
                // Indexed loops here and below: once per write, and the lists are random access.
                for (int i = 0; i < messages.size(); i++) {
                    pendingBytes -= messages.get(i).size();
                }
                pendingMessages -= messages.size();
            }
            if (result.isOK()) {
                delivered += messages.size();
            }
        }
        if (result.isOK()) {
            lastDelivered = System.nanoTime();
            for (int i = 0; i < messages.size(); i++) {
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

    /** One send: whoever finishes second (the caller of send, or the completion) continues the drain. */
    private final class Send implements SendHandler {
        private static final int RUNNING = 0;
        private static final int CALLER_RETURNED = 1;
        private static final int COMPLETED_INLINE = 2;

        private static final AtomicIntegerFieldUpdater<Send> STATE =
                AtomicIntegerFieldUpdater.newUpdater(Send.class, "state");

        private final List<Outgoing> messages;
        private volatile int state = RUNNING;

        Send(List<Outgoing> messages) {
            this.messages = messages;
        }

        @Override
        public void onResult(SendResult result) {
            sent(messages, result);
            if (!STATE.compareAndSet(this, RUNNING, COMPLETED_INLINE)) {
                send();
            }
        }

        boolean callerReturnsFirst() {
            return STATE.compareAndSet(this, RUNNING, CALLER_RETURNED);
        }
    }
}

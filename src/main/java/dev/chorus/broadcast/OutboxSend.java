package dev.chorus.broadcast;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One write of an {@link Outbox}'s, in flight: whoever finishes second (the outbox's send loop returning from
 * the wire, or the wire's completion) continues the drain. A write that completes on the calling thread thus
 * hands the loop back to it instead of recursing, so a long queue cannot overflow the stack.
 */
final class OutboxSend implements SendHandler {
    private static final int RUNNING = 0;
    private static final int CALLER_RETURNED = 1;
    private static final int COMPLETED_INLINE = 2;

    private static final AtomicIntegerFieldUpdater<OutboxSend> STATE =
            AtomicIntegerFieldUpdater.newUpdater(OutboxSend.class, "state");

    private final Outbox outbox;
    private final List<Outgoing> messages;
    private volatile int state = RUNNING;

    OutboxSend(Outbox outbox, List<Outgoing> messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @Override
    public void onResult(SendResult result) {
        outbox.sent(messages, result);
        if (!STATE.compareAndSet(this, RUNNING, COMPLETED_INLINE)) {
            outbox.send();
        }
    }

    /** Whether the send loop gave up the drain to the completion still to come (true), or must go on itself. */
    boolean callerReturnsFirst() {
        return STATE.compareAndSet(this, RUNNING, CALLER_RETURNED);
    }
}

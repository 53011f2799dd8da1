package dev.chorus.chat;

import dev.chorus.broadcast.SendBatch;
import java.lang.System.Logger.Level;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one step at a time act on the room, in arrival order, so every member sees every event in the same
 * order and a newcomer's replay meets the live messages exactly. Steps only queue messages (an outbox never
 * waits on a peer), so a turn is short.
 *
 * <p>Only threads that hold no container lock wait for a turn ({@link #take}: onOpen, onMessage). A close
 * callback may run inside the container's close, under its own locks (Tyrus calls onClose holding the
 * connection's protocol handler, which a step closing that same connection needs), so a leave never waits
 * ({@link #defer}): it runs in the current turn's holder, or at once if nobody holds one. This is also what
 * a close triggered inside a step (an eviction) runs into, and it keeps that leave after the step.
 */
final class Turns {

    private static final System.Logger LOG = System.getLogger(Turns.class.getName());

    /** Fair: waiting threads take their turns in arrival order, so no sender starves. */
    private final ReentrantLock turn = new ReentrantLock(true);

    private final Queue<Runnable> deferred = new ConcurrentLinkedQueue<>();

    /**
     * Waits for the turn and runs {@code step} in it (after any step deferred before it). The writes the turn
     * starts happen after it is released ({@link SendBatch}), so the turn itself only queues.
     */
    void take(Runnable step) {
        if (turn.isHeldByCurrentThread()) {
            // Called from inside a step: running it now would cut that step in two.
            deferred.add(step);
            return;
        }
        SendBatch.run(() -> inTurn(step));
    }

    private void inTurn(Runnable step) {
        turn.lock();
        try {
            runDeferred();
            runSafely(step);
            runDeferred();
        } finally {
            turn.unlock();
        }
        runDeferredIfFree();
    }

    /** Runs {@code step} in a turn without waiting for one: now if the turn is free, else right after the current step. */
    void defer(Runnable step) {
        deferred.add(step);
        if (!turn.isHeldByCurrentThread()) {
            runDeferredIfFree();
        }
    }

    /**
     * Runs what was deferred if the turn is free. A step deferred while another thread held the turn is run
     * by that thread, which calls this again after releasing it, so none is left behind.
     */
    private void runDeferredIfFree() {
        while (!deferred.isEmpty() && turn.tryLock()) {
            try {
                runDeferred();
            } finally {
                turn.unlock();
            }
        }
    }

    private void runDeferred() {
        for (Runnable step = deferred.poll(); step != null; step = deferred.poll()) {
            runSafely(step);
        }
    }

    /** A step that throws is a bug; the turns go on for everybody else. */
    private static void runSafely(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "A chat step failed", e);
        }
    }
}

package dev.chorus.connection;

import dev.chorus.limits.Inbound;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * What a client sent before it was let in. Its id comes from another thread (with Redis, a round trip away), and
 * a client may speak as soon as its handshake is answered, as the tutorial's does: those messages are held here
 * and handed on, in order, once it is in. Bounded: at most {@link #MESSAGES} messages and {@link #BYTES} bytes
 * (but always one message, whatever its size); beyond that the client is closed (the caller decides how).
 */
public final class EarlyMessages {

    /** Messages held at most. */
    public static final int MESSAGES = 16;

    /** Bytes held at most (text counted in chars), past the first message: 64 KiB. */
    public static final int BYTES = 64 * 1024;

    /** What became of a message offered to {@link #hold}. */
    public enum Held {
        /** Held until the client is in. */
        HELD,
        /** The client's arrival is settled: handle it now. */
        PASS,
        /** Too much is held already: the message was not kept. */
        FULL
    }

    /** Made on the first message held: most clients say nothing before they are in. */
    private Queue<Inbound.Result> held; // guarded by this

    private int bytes; // guarded by this
    /** Written under this; read without it too, so a member's every message costs no lock. */
    private volatile boolean settled;

    /**
     * Holds {@code message} (what the client's inbound limits made of a message: a whole one, or a refusal) if
     * the client's arrival is not settled yet.
     */
    public Held hold(Inbound.Result message) {
        return settled ? Held.PASS : holdIfUnsettled(message);
    }

    private synchronized Held holdIfUnsettled(Inbound.Result message) {
        if (settled) {
            return Held.PASS;
        }
        int size = size(message);
        if (held == null) {
            held = new ArrayDeque<>(4);
        } else if (held.size() >= MESSAGES || (!held.isEmpty() && bytes + size > BYTES)) {
            return Held.FULL;
        }
        held.add(message);
        bytes += size;
        return Held.HELD;
    }

    /**
     * The next held message, in the order they came; null once none is left, and from then on its arrival is
     * settled: {@link #hold} passes every message on. Whoever settles the arrival calls this until it is null.
     */
    public synchronized Inbound.Result next() {
        Inbound.Result message = held == null ? null : held.poll();
        if (message == null) {
            settled = true;
            held = null;
        } else {
            bytes -= size(message);
        }
        return message;
    }

    private static int size(Inbound.Result message) {
        if (message instanceof Inbound.Complete complete) {
            return complete.message() instanceof ByteBuffer data
                    ? data.remaining()
                    : ((String) complete.message()).length();
        }
        return 0;
    }
}

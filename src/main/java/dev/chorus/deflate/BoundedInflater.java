package dev.chorus.deflate;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates one client's compressed messages (RFC 7692 §7.2.2), frame by frame, and stops as soon as a message
 * inflates past the largest message allowed: a few KB that would inflate to gigabytes (a decompression bomb)
 * cost at most the limit and one chunk, never their inflated size. Clients compress each message on its own
 * (Chorus answers {@code client_no_context_takeover}), so nothing is kept between messages: an inflater (about
 * 39 KiB of native memory) is borrowed from a small shared pool for the length of one message. Used by one
 * connection's reader, but {@link #end} may come from the thread that closes the connection: both are
 * synchronized (uncontended otherwise), so an inflater is never pooled while it is still inflating.
 */
public final class BoundedInflater {

    /** What one frame came to. */
    public sealed interface Result {}

    /** The frame's inflated bytes. */
    public record Inflated(byte[] bytes) implements Result {}

    /** The message inflated past the limit: refuse it (1009); nothing of it may be used. */
    public record TooBig() implements Result {}

    /** The bytes are not DEFLATE data: fail the connection. */
    public record Corrupt() implements Result {}

    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};
    private static final int CHUNK = 8 * 1024;

    /** Idle inflaters, shared by every connection: as many as inflate at once, on this kind of machine. */
    private static final ArrayBlockingQueue<Inflater> IDLE =
            new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

    private final long maxMessageBytes;
    /** The inflater of the message under way, or null between messages. */
    private Inflater inflater;

    private long inflatedSoFar;

    /** @param maxMessageBytes the most one message may inflate to */
    public BoundedInflater(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Inflates one frame's {@code payload} of a compressed message; {@code last} ends the message. */
    public synchronized Result inflate(byte[] payload, boolean last) {
        if (inflater == null) {
            Inflater idle = IDLE.poll();
            inflater = idle != null ? idle : new Inflater(true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(CHUNK, payload.length * 4 + 16));
        try {
            if (!feed(payload, out) || (last && !inflater.finished() && !feed(TAIL, out))) {
                end();
                return new TooBig();
            }
        } catch (DataFormatException e) {
            end();
            return new Corrupt();
        }
        if (last) {
            end();
        }
        return new Inflated(out.toByteArray());
    }

    /** Gives the message's inflater back (the message ended or was refused, or the connection is over). */
    public synchronized void end() {
        if (inflater != null) {
            inflater.reset();
            if (!IDLE.offer(inflater)) {
                inflater.end();
            }
            inflater = null;
        }
        inflatedSoFar = 0;
    }

    /** Inflates {@code input} into {@code out}; false as soon as the message grows past the limit. */
    private boolean feed(byte[] input, ByteArrayOutputStream out) throws DataFormatException {
        inflater.setInput(input);
        byte[] chunk = new byte[CHUNK];
        while (!inflater.finished()) {
            int room = (int) Math.min(CHUNK, maxMessageBytes - inflatedSoFar + 1);
            int made = inflater.inflate(chunk, 0, room);
            inflatedSoFar += made;
            if (inflatedSoFar > maxMessageBytes) {
                return false;
            }
            out.write(chunk, 0, made);
            if (made == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
        }
        return true;
    }
}

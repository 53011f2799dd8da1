package dev.chorus.deflate;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates one client's compressed messages (RFC 7692 §7.2.2), frame by frame, and stops as soon as a message
 * inflates past the largest message allowed: a few KB that would inflate to gigabytes (a decompression bomb)
 * cost at most the limit and one chunk, never their inflated size. Used by one connection's reader at a time.
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

    private final long maxMessageBytes;
    private final boolean contextPerMessage;
    /** Made at a connection's first compressed message; kept between messages only if the client keeps its context. */
    private Inflater inflater;

    private long inflatedSoFar;

    /**
     * @param maxMessageBytes the most one message may inflate to
     * @param contextPerMessage the client agreed to compress each message on its own (client_no_context_takeover),
     *     so nothing needs to be kept between messages
     */
    public BoundedInflater(long maxMessageBytes, boolean contextPerMessage) {
        this.maxMessageBytes = maxMessageBytes;
        this.contextPerMessage = contextPerMessage;
    }

    /** Inflates one frame's {@code payload} of a compressed message; {@code last} ends the message. */
    public Result inflate(byte[] payload, boolean last) {
        if (inflater == null) {
            inflater = new Inflater(true);
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
            inflatedSoFar = 0;
            if (contextPerMessage || inflater.finished()) {
                end(); // a final block ends the stream: the next message starts a new one
            }
        }
        return new Inflated(out.toByteArray());
    }

    /** Lets go of the native memory (the connection is over, or the message was refused). */
    public void end() {
        if (inflater != null) {
            inflater.end();
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

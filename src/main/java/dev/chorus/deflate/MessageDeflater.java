package dev.chorus.deflate;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.Deflater;

/**
 * Compresses one message on its own (no context takeover, RFC 7692 §7.1.1.1), as a permessage-deflate payload:
 * raw DEFLATE, flushed, with the trailing {@code 00 00 ff ff} taken off (§7.2.1). Because nothing carries over
 * from earlier messages, the result is the same for every client that negotiated permessage-deflate with Chorus,
 * so a broadcast is compressed once and those same bytes go to all of them.
 *
 * <p>A zlib compressor holds about 256 KiB of native memory and takes time to set up, so a few are kept and
 * reused by whichever thread compresses next; thread-safe.
 */
public final class MessageDeflater {

    /** Below this many bytes a message is not worth compressing: the frame would barely shrink, if at all. */
    public static final int THRESHOLD = 64;

    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final ArrayBlockingQueue<Deflater> idle;

    /** @param kept how many idle compressors are kept for reuse */
    public MessageDeflater(int kept) {
        this.idle = new ArrayBlockingQueue<>(kept);
    }

    /** {@code payload} compressed, if it is long enough to try and came out smaller; else empty (send it plain). */
    public Optional<byte[]> compress(byte[] payload, int offset, int length) {
        if (length < THRESHOLD) {
            return Optional.empty();
        }
        Deflater deflater = idle.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        try {
            deflater.setInput(payload, offset, length);
            byte[] out = new byte[length + 64];
            int size = 0;
            while (true) {
                size += deflater.deflate(out, size, out.length - size, Deflater.SYNC_FLUSH);
                if (size < out.length) {
                    break; // SYNC_FLUSH left room in the buffer: everything is out
                }
                out = Arrays.copyOf(out, out.length * 2);
            }
            int compressed = endsWithTail(out, size) ? size - TAIL.length : size;
            return compressed < length ? Optional.of(Arrays.copyOf(out, compressed)) : Optional.empty();
        } finally {
            deflater.reset();
            if (!idle.offer(deflater)) {
                deflater.end();
            }
        }
    }

    private static boolean endsWithTail(byte[] out, int size) {
        return size >= TAIL.length && Arrays.equals(out, size - TAIL.length, size, TAIL, 0, TAIL.length);
    }
}

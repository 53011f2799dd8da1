package dev.chorus.launcher;

import org.glassfish.grizzly.Buffer;

/**
 * Follows one connection's incoming WebSocket frames byte by byte, across reads, to catch an unmasked client
 * frame (RFC 6455 5.1 says the server must close the connection; Tyrus does not check). It reads frame
 * headers only and skips payloads, never copying them.
 */
final class MaskCheck {

    private static final int MASK_BIT = 0x80;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final byte[] header = new byte[14];
    private int have;
    private long skip;

    /** Scans {@code buffer} without moving its position; false as soon as an unmasked frame starts. */
    boolean allMasked(Buffer buffer) {
        int position = buffer.position();
        int limit = buffer.limit();
        while (position < limit) {
            if (skip > 0) {
                int skipped = (int) Math.min(skip, limit - position);
                position += skipped;
                skip -= skipped;
                continue;
            }
            header[have++] = buffer.get(position++);
            if (have == 2 && (header[1] & MASK_BIT) == 0) {
                return false;
            }
            if (have >= 2 && have == headerLength()) {
                skip = payloadLength();
                have = 0;
            }
        }
        return true;
    }

    private int headerLength() {
        int length7 = header[1] & 0x7F;
        int extended = length7 == LENGTH_16 ? 2 : length7 == LENGTH_64 ? 8 : 0;
        return 2 + extended + 4;
    }

    private long payloadLength() {
        int length7 = header[1] & 0x7F;
        if (length7 < LENGTH_16) {
            return length7;
        }
        int bytes = length7 == LENGTH_16 ? 2 : 8;
        long length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (header[2 + i] & 0xFF);
        }
        return length;
    }
}

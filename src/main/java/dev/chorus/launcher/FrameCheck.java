package dev.chorus.launcher;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.util.Optional;
import org.glassfish.grizzly.Buffer;

/**
 * Follows one connection's incoming WebSocket frames byte by byte, across reads, reading headers only and
 * skipping payloads without copying them. It catches what Tyrus would get wrong: an unmasked client frame
 * (RFC 6455 5.1: the server must close; Tyrus accepts it), and a data frame longer than the largest message
 * allowed, which Tyrus would otherwise buffer whole before Chorus could refuse it (or close with its own
 * {@code 1011 Buffer overflow.} above its incoming buffer).
 */
final class FrameCheck {

    private static final int MASK_BIT = 0x80;
    private static final int CONTROL_BIT = 0x08;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private final long maxDataFrame;
    private final byte[] header = new byte[14];
    private int have;
    private long skip;
    /** Set once a frame broke a rule: whatever follows is no longer followed, only dropped. */
    private boolean broken;

    /** @param maxDataFrame the largest data frame payload to let through: the largest message allowed */
    FrameCheck(long maxDataFrame) {
        this.maxDataFrame = maxDataFrame;
    }

    /** Whether a frame broke a rule: the connection is being closed, and nothing more of it may reach Tyrus. */
    boolean isBroken() {
        return broken;
    }

    /** How many bytes of a frame header are held while the rest of it has not come yet (at most 14). */
    int headerBytesHeld() {
        return have;
    }

    /** Scans {@code buffer} without moving its position: the close to answer with as soon as a frame breaks a rule. */
    Optional<CloseReason> check(Buffer buffer) {
        Optional<CloseReason> breach = scan(buffer);
        broken |= breach.isPresent();
        return breach;
    }

    private Optional<CloseReason> scan(Buffer buffer) {
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
                return Optional.of(CloseReasons.UNMASKED_FRAME);
            }
            if (have >= 2 && have == headerLength()) {
                skip = payloadLength();
                have = 0;
                if (skip < 0) {
                    return Optional.of(
                            CloseReasons.BAD_FRAME_LENGTH); // and the bytes after it could no longer be followed
                }
                if (isData() && skip > maxDataFrame) {
                    return Optional.of(CloseReasons.TOO_BIG);
                }
            }
        }
        return Optional.empty();
    }

    private boolean isData() {
        return (header[0] & CONTROL_BIT) == 0;
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

package dev.chorus.launcher;

import dev.chorus.broadcast.Outgoing;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A whole WebSocket frame as a server sends it (RFC 6455 §5.2: FIN set, no extension bits, unmasked), so a
 * broadcast can be framed once and the same bytes written to every peer ({@link TyrusFrameWire}), and a close can
 * be written where no WebSocket session exists yet (the launcher's frame check).
 */
final class Frames {

    private static final byte TEXT = 0x1;
    private static final byte BINARY = 0x2;
    private static final byte CLOSE = 0x8;

    private static final int FIN = 0x80;
    private static final int MAX_7_BIT = 125;
    private static final int MAX_16_BIT = 0xFFFF;
    private static final int LENGTH_16_BIT = 126;
    private static final int LENGTH_64_BIT = 127;

    private Frames() {}

    /** The frame carrying {@code payload}'s remaining bytes (left unread) as one {@code opcode} message. */
    private static ByteBuffer frame(byte opcode, ByteBuffer payload) {
        int length = payload.remaining();
        ByteBuffer frame = ByteBuffer.allocate(headerSize(length) + length);
        frame.put((byte) (FIN | opcode));
        if (length <= MAX_7_BIT) {
            frame.put((byte) length);
        } else if (length <= MAX_16_BIT) {
            frame.put((byte) LENGTH_16_BIT).putShort((short) length);
        } else {
            frame.put((byte) LENGTH_64_BIT).putLong(length);
        }
        return frame.put(payload.duplicate()).flip();
    }

    /** The close frame carrying {@code reason}: its code, then its phrase in UTF-8. */
    static ByteBuffer close(CloseReason reason) {
        byte[] phrase = reason.getReasonPhrase().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + phrase.length)
                .putShort((short) reason.getCloseCode().getCode())
                .put(phrase)
                .flip();
        return frame(CLOSE, payload);
    }

    /** {@code message}'s frame: built by the first recipient's send, then kept with the message for the others. */
    static Frame of(Outgoing message) {
        return message.encoded(Frame.class, Frames::build);
    }

    private static Frame build(Outgoing message) {
        ByteBuffer frame = message instanceof Outgoing.Text text
                ? frame(TEXT, StandardCharsets.UTF_8.encode(text.text()))
                : frame(BINARY, ((Outgoing.Binary) message).data());
        return new Frame(frame);
    }

    /** One message's frame, shared by every recipient: each asks for its own view, or copies it out. */
    static final class Frame {
        private final ByteBuffer shared;

        private Frame(ByteBuffer shared) {
            this.shared = shared;
        }

        /** The frame, as the caller's own view of the shared bytes. */
        ByteBuffer get() {
            return shared.duplicate();
        }

        /** The frame's size in bytes. */
        int size() {
            return shared.remaining();
        }

        /** Appends the frame to {@code target}, without a view of its own (a backlog's write copies many). */
        void copyTo(ByteBuffer target) {
            target.put(target.position(), shared, 0, shared.limit());
            target.position(target.position() + shared.limit());
        }
    }

    private static int headerSize(int length) {
        if (length <= MAX_7_BIT) {
            return 2;
        }
        return length <= MAX_16_BIT ? 4 : 10;
    }
}

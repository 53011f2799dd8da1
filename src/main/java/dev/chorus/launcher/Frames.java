package dev.chorus.launcher;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.deflate.MessageDeflater;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A whole WebSocket frame as a server sends it (RFC 6455 §5.2: FIN set, unmasked), so a broadcast can be framed
 * once and the same bytes written to every peer ({@link TyrusFrameWire}), and a close can be written where no
 * WebSocket session exists yet (the launcher's frame check). For peers that negotiated permessage-deflate a
 * broadcast is also compressed once (RSV1 set, RFC 7692 §6), and those bytes go to all of them.
 */
final class Frames {

    private static final byte TEXT = 0x1;
    private static final byte BINARY = 0x2;
    private static final byte CLOSE = 0x8;

    private static final int FIN = 0x80;
    private static final int RSV1 = 0x40;
    private static final int MAX_7_BIT = 125;
    private static final int MAX_16_BIT = 0xFFFF;
    private static final int LENGTH_16_BIT = 126;
    private static final int LENGTH_64_BIT = 127;

    private Frames() {}

    /** Compressors kept for reuse: one per core is as many as compress at once. */
    private static final MessageDeflater DEFLATER =
            new MessageDeflater(Runtime.getRuntime().availableProcessors());

    /** The frame carrying {@code payload}'s remaining bytes (left unread) as one {@code opcode} message. */
    private static ByteBuffer frame(byte opcode, ByteBuffer payload) {
        return frame(FIN | opcode, payload);
    }

    /** The frame carrying {@code payload}'s remaining bytes (left unread), after its first byte {@code first}. */
    private static ByteBuffer frame(int first, ByteBuffer payload) {
        int length = payload.remaining();
        ByteBuffer frame = ByteBuffer.allocate(headerSize(length) + length);
        frame.put((byte) first);
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
        return new Frame(frame, frame.remaining() - message.size());
    }

    /** One message's frame, shared by every recipient: each asks for its own view, or copies it out. */
    static final class Frame {
        private final ByteBuffer shared;
        private final int headerSize;
        /** The compressed form, once a peer that negotiated permessage-deflate asked; this frame if not worth it. */
        private volatile Frame compressed;

        private Frame(ByteBuffer shared, int headerSize) {
            this.shared = shared;
            this.headerSize = headerSize;
        }

        /**
         * The frame for peers that negotiated permessage-deflate: the payload compressed, with RSV1 set; or this
         * frame itself when compressing would not make it smaller. Made once, by the first such peer's send.
         */
        Frame compressed() {
            Frame made = compressed;
            if (made == null) {
                // Two threads may both compress on first use; either copy is right, and it is made once per event.
                made = compress();
                compressed = made;
            }
            return made;
        }

        private Frame compress() {
            byte[] bytes = shared.array();
            int offset = shared.arrayOffset() + headerSize;
            return DEFLATER.compress(bytes, offset, shared.limit() - headerSize)
                    .map(payload -> {
                        ByteBuffer frame = frame(bytes[shared.arrayOffset()] | RSV1, ByteBuffer.wrap(payload));
                        Frame deflated = new Frame(frame, frame.remaining() - payload.length);
                        deflated.compressed = deflated;
                        return deflated;
                    })
                    .orElse(this);
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

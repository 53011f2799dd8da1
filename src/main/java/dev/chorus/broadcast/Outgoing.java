package dev.chorus.broadcast;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One message on its way to many sessions. It is built once per broadcast and shared by every outbox; its
 * size is computed once so queues can be bounded in bytes without re-encoding per recipient, and a {@link Wire}
 * that writes frames itself asks for {@link #frame()}, which is also built once.
 */
public abstract sealed class Outgoing permits Outgoing.Text, Outgoing.Binary {

    private final Frames.Once frame;

    private Outgoing(Supplier<ByteBuffer> frame) {
        this.frame = new Frames.Once(frame);
    }

    public static Outgoing text(String text) {
        return new Text(text);
    }

    /** Wraps a copy of {@code data}'s remaining bytes: the caller's buffer may be reused after this returns. */
    public static Outgoing binary(ByteBuffer data) {
        ByteBuffer copy =
                ByteBuffer.allocate(data.remaining()).put(data.duplicate()).flip();
        return new Binary(copy.asReadOnlyBuffer());
    }

    /** The payload size in bytes, as it goes on the wire (UTF-8 for text). */
    public abstract int size();

    /** Starts an asynchronous send to one peer through the portable API; {@code handler} learns how it ended. */
    public abstract void sendTo(RemoteEndpoint.Async remote, SendHandler handler);

    /** The whole server-to-client frame for this message: the caller's own view of bytes shared by all. */
    public final ByteBuffer frame() {
        return frame.get();
    }

    /** The size of {@link #frame()} in bytes. */
    public final int frameSize() {
        return frame.size();
    }

    /** Appends {@link #frame()}'s bytes to {@code target}, which must have room for {@link #frameSize()}. */
    public final void copyFrameTo(ByteBuffer target) {
        frame.copyTo(target);
    }

    /** A text message. */
    public static final class Text extends Outgoing {
        private final String text;
        private final int size;

        private Text(String text) {
            super(() -> Frames.frame(Frames.TEXT, StandardCharsets.UTF_8.encode(text)));
            this.text = text;
            this.size = text.getBytes(StandardCharsets.UTF_8).length;
        }

        public String text() {
            return text;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void sendTo(RemoteEndpoint.Async remote, SendHandler handler) {
            remote.sendText(text, handler);
        }

        @Override
        public String toString() {
            return "Text[" + text + "]";
        }
    }

    /** A binary message; each recipient reads its own view of the shared, read-only bytes. */
    public static final class Binary extends Outgoing {
        private final ByteBuffer data;

        private Binary(ByteBuffer data) {
            super(() -> Frames.frame(Frames.BINARY, data));
            this.data = data;
        }

        /** The bytes, as the caller's own read-only view. */
        public ByteBuffer data() {
            return data.duplicate();
        }

        @Override
        public int size() {
            return data.remaining();
        }

        @Override
        public void sendTo(RemoteEndpoint.Async remote, SendHandler handler) {
            remote.sendBinary(data.duplicate(), handler);
        }

        @Override
        public String toString() {
            return "Binary[" + data.remaining() + " bytes]";
        }
    }
}

package dev.chorus.broadcast;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One message on its way to many sessions. It is built once per broadcast and shared by every outbox; its
 * size is computed once so queues can be bounded in bytes without re-encoding per recipient, and a {@link Wire}
 * that writes its own encoding (the launcher's ready-made frames) keeps it here with {@link #encoded}, so that
 * is built once too.
 */
public abstract sealed class Outgoing permits Outgoing.Text, Outgoing.Binary {

    /** What {@link #encoded} made, or null before a wire asked. */
    private volatile Object encoded;

    private Outgoing() {}

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

    /**
     * This message as {@code form}, the encoding a {@link Wire} writes (the launcher's ready-made frame): made by
     * {@code encode} when first asked and then shared by every recipient, so a broadcast is encoded once, not
     * once per recipient. The result must be safe to share between threads and never changed.
     */
    public final <T> T encoded(Class<T> form, Function<Outgoing, T> encode) {
        Object made = encoded;
        if (form.isInstance(made)) {
            return form.cast(made);
        }
        // Two threads may both encode on first use; either copy is right, and it is made once per event.
        T fresh = encode.apply(this);
        encoded = fresh;
        return fresh;
    }

    /** A text message. */
    public static final class Text extends Outgoing {
        private final String text;
        private final int size;

        private Text(String text) {
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

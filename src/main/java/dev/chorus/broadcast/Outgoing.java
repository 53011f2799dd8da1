package dev.chorus.broadcast;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One message on its way to many sessions. It is built once per broadcast and shared by every outbox; its
 * size is computed once so queues can be bounded in bytes without re-encoding per recipient.
 */
public sealed interface Outgoing {

    /** The payload size in bytes, as it goes on the wire (UTF-8 for text). */
    int size();

    /** Starts an asynchronous send to one peer; {@code handler} learns how it ended. */
    void sendTo(RemoteEndpoint.Async remote, SendHandler handler);

    static Outgoing text(String text) {
        return new Text(text, text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Wraps a copy of {@code data}'s remaining bytes: the caller's buffer may be reused after this returns. */
    static Outgoing binary(ByteBuffer data) {
        ByteBuffer copy =
                ByteBuffer.allocate(data.remaining()).put(data.duplicate()).flip();
        return new Binary(copy.asReadOnlyBuffer());
    }

    /** A text message. */
    record Text(String text, int size) implements Outgoing {
        @Override
        public void sendTo(RemoteEndpoint.Async remote, SendHandler handler) {
            remote.sendText(text, handler);
        }
    }

    /** A binary message; each recipient reads its own view of the shared, read-only bytes. */
    record Binary(ByteBuffer data) implements Outgoing {
        @Override
        public int size() {
            return data.remaining();
        }

        @Override
        public void sendTo(RemoteEndpoint.Async remote, SendHandler handler) {
            remote.sendBinary(data.duplicate(), handler);
        }
    }
}

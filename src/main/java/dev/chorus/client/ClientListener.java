package dev.chorus.client;

import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The callbacks of a long-running client, like Python's {@code WebSocketApp}: every method has an empty
 * default, so implement only what you need. Called on Tyrus's threads, one event at a time per connection.
 *
 * <p>There is no {@code onPing}: Tyrus answers the server's pings itself and does not show them to the
 * application.
 */
public interface ClientListener {

    /** The handshake succeeded; {@code client} can send from here on. */
    default void onOpen(ChatClient client) {}

    /** A text message arrived. */
    default void onMessage(String text) {}

    /** A binary message arrived; {@code data} is a read-only copy, yours to keep. */
    default void onMessage(ByteBuffer data) {}

    /** A pong arrived, normally the answer to one of our pings, carrying its payload. */
    default void onPong(ByteBuffer payload) {}

    /** Something went wrong: an I/O error on the connection, or a failed (re)connect attempt. */
    default void onError(Throwable error) {}

    /** The connection is closed, with the code and reason that closed it. */
    default void onClose(CloseReason reason) {}

    /** Only from {@link ReconnectingClient}: the next connect attempt, number {@code attempt}, is in {@code delay}. */
    default void onReconnecting(Duration delay, int attempt) {}
}

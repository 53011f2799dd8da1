package dev.chorus.client;

import jakarta.websocket.CloseReason;
import java.util.List;

/**
 * What a {@link OneShot} exchange saw.
 *
 * @param received the messages received, in order: a {@link String} for text, a read-only
 *     {@link java.nio.ByteBuffer} for binary
 * @param close the code and reason the connection closed with
 * @param ending why the exchange stopped reading
 */
public record Transcript(List<Object> received, CloseReason close, Ending ending) {

    /** Why the exchange stopped reading. */
    public enum Ending {
        /** As many messages as asked for arrived; then the client closed with 1000. */
        COMPLETE,
        /** The next message did not come in time; then the client closed with 1000. */
        TIMED_OUT,
        /** The server closed the connection first. */
        CLOSED_BY_SERVER
    }

    public Transcript {
        received = List.copyOf(received);
    }
}

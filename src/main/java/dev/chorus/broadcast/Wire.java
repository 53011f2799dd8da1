package dev.chorus.broadcast;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.util.List;

/**
 * How an outbox hands a message to its peer's connection. {@link #PORTABLE} uses {@link RemoteEndpoint.Async}
 * and works in every container; a deployment whose WebSocket implementation can write a ready-made frame may
 * install a faster one in the room it builds ({@code dev.chorus.chat.Hosting}), so a broadcast is framed once instead of per recipient (it
 * keeps the frame with the message, {@link Outgoing#encoded}). How to frame, and how much to write at once, is
 * the wire's business: the core only queues messages and hands them over.
 */
@FunctionalInterface
public interface Wire {

    /** The result of every send that succeeded: one shared instance (a SendResult cannot change). */
    SendResult SENT = new SendResult();

    /** Through the Jakarta WebSocket API: the container frames the message for each recipient. */
    Wire PORTABLE = session -> {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        return (message, handler) -> message.sendTo(remote, handler);
    };

    /** The sender for one session, made when it joins. */
    Sender connect(Session session);

    /** Sends to one peer. */
    @FunctionalInterface
    interface Sender {
        /** Starts an asynchronous send of {@code message}; {@code handler} learns how it ended. */
        void send(Outgoing message, SendHandler handler);

        /**
         * How many of {@code queued} (oldest first, never empty) the next write carries: 1, the portable API's
         * answer, or more for a wire that writes a backlog in one write ({@link #sendAll}). Asked under the
         * outbox's lock: it only reads the messages, quickly.
         */
        default int batchSize(Iterable<Outgoing> queued) {
            return 1;
        }

        /** Starts one write of every message in {@code batch}, in order; only asked when {@link #batchSize} > 1. */
        default void sendAll(List<Outgoing> batch, SendHandler handler) {
            throw new UnsupportedOperationException("this sender writes one message at a time");
        }

        /**
         * Bytes the container has reported sent but still holds for this peer, not yet taken by the network. A
         * send normally completes once its bytes reached the socket; Payara's completes once they are in its own
         * write queue, which a peer that never reads lets grow far past the outbox's bound. The outbox counts
         * these bytes as queued. 0 (the portable answer): the container holds nothing after a send completed.
         */
        default long heldBytes() {
            return 0;
        }
    }
}

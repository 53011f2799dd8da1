package dev.chorus.broadcast;

import jakarta.websocket.Session;

/**
 * Makes a close actually close. A WebSocket close frame queues behind whatever the peer has not read, so a peer
 * that never reads never receives it and never answers it, and its TCP connection would stay open (holding its
 * buffers and its place under the connection caps) for as long as the peer likes. RFC 6455 7.1.1 wants the
 * server to end the TCP connection: a deployment that can reach its transport installs a watch with
 * the room ({@code dev.chorus.chat.Hosting}), which drops the connection if it is still there when the close timeout runs
 * out. Only the portable session is handed over; what lies beneath is the deployment's business.
 */
@FunctionalInterface
public interface CloseWatch {

    /** For containers whose transport Chorus cannot reach: the container's own close is all there is. */
    CloseWatch NONE = session -> {};

    /**
     * {@code session} is being closed, by the server or by its peer (it may be closed already): its connection
     * must be gone within the close timeout. Returns at once; called more than once for a session, the first
     * deadline holds.
     */
    void closing(Session session);
}

package dev.chorus.chat;

import dev.chorus.broadcast.CloseWatch;
import dev.chorus.broadcast.Wire;
import dev.chorus.handshake.Introduction;
import dev.chorus.handshake.Introductions;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * What the deployment (the launcher, or a WAR in its container) gives a room that the portable API does not:
 * its threads, its fastest way to send, its way to make a close close, and where a client connects from.
 *
 * @param threads makes the room's background threads (write timeouts and heartbeats; with Redis, the bus
 *     reader): a container's managed thread factory in a WAR, daemon threads in the launcher
 * @param wire how outboxes hand messages to their connections
 * @param closeWatch drops the connections whose close does not finish within the close timeout
 * @param peers where a session's client connects from, if the deployment can tell (behind a trusted proxy: the
 *     client the proxy named)
 * @param handedOff who the deployment's gate admitted on a session's connection, if it can hand that over (the
 *     launcher can; a WAR reads it from the session: {@link Introductions})
 */
public record Hosting(
        ThreadFactory threads,
        Wire wire,
        CloseWatch closeWatch,
        Function<Session, Optional<InetSocketAddress>> peers,
        Function<Session, Optional<Introduction>> handedOff) {

    /** Nothing handed over: who connected is read from the session itself. */
    public static final Function<Session, Optional<Introduction>> FROM_SESSIONS = session -> Optional.empty();

    /** Only what the portable API offers, with {@code threads}. */
    public static Hosting portable(ThreadFactory threads) {
        return new Hosting(threads, Wire.PORTABLE, CloseWatch.NONE, session -> Optional.empty(), FROM_SESSIONS);
    }
}

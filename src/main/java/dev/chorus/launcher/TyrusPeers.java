package dev.chorus.launcher;

import dev.chorus.broadcast.CloseWatch;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Function;
import org.glassfish.tyrus.core.TyrusSession;

/**
 * Where a launcher client connects from: behind a trusted proxy, the client its upgrade named (found through
 * the Grizzly connection, where Tyrus lets Chorus reach it); otherwise the peer Tyrus saw.
 */
final class TyrusPeers implements Function<Session, Optional<InetSocketAddress>> {

    private final CloseWatch watch;

    /** @param watch the launcher's close watch: the way to a session's Grizzly connection, if it is a Tyrus one */
    TyrusPeers(CloseWatch watch) {
        this.watch = watch;
    }

    @Override
    public Optional<InetSocketAddress> apply(Session session) {
        Optional<InetSocketAddress> forwarded = watch instanceof TyrusCloseWatch tyrus
                ? tyrus.grizzlyConnection(session).flatMap(GrizzlyGate::forwardedClient)
                : Optional.empty();
        return forwarded.or(() -> peer(session));
    }

    /** Tyrus gives the address alone: port 0 stands for "not known". */
    private static Optional<InetSocketAddress> peer(Session session) {
        return session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null
                ? Optional.of(InetSocketAddress.createUnresolved(tyrus.getRemoteAddr(), 0))
                : Optional.empty();
    }
}

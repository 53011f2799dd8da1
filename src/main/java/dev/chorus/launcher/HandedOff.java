package dev.chorus.launcher;

import dev.chorus.broadcast.CloseWatch;
import dev.chorus.handshake.Introduction;
import dev.chorus.handshake.Introductions;
import dev.chorus.identity.TokenKey;
import jakarta.websocket.Session;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the launcher's gate admitted on a Tyrus session's connection ({@link GrizzlyGate#takeIntroduction}), found
 * through the Grizzly connection under the session as {@link TyrusPeers} finds the client's address. This is how
 * a token sent in {@code Authorization: Bearer}, which a session does not show, still names its client.
 */
final class HandedOff implements Function<Session, Optional<Introduction>> {

    private final CloseWatch watch;

    /** @param watch the launcher's close watch: the way to a session's Grizzly connection, if it is a Tyrus one */
    HandedOff(CloseWatch watch) {
        this.watch = watch;
    }

    /** The launcher's introductions: the gate's, handed off; read from the session where none was (never so far). */
    static Introductions introductions(Optional<TokenKey> tokenKey, CloseWatch watch) {
        return new Introductions(tokenKey, new HandedOff(watch));
    }

    @Override
    public Optional<Introduction> apply(Session session) {
        return watch instanceof TyrusCloseWatch tyrus
                ? tyrus.grizzlyConnection(session).flatMap(GrizzlyGate::takeIntroduction)
                : Optional.empty();
    }
}

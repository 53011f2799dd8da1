package dev.chorus.launcher;

import dev.chorus.broadcast.CloseWatch;
import dev.chorus.handshake.Introduction;
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

    @Override
    public Optional<Introduction> apply(Session session) {
        return watch instanceof TyrusCloseWatch tyrus
                ? tyrus.grizzlyConnection(session).flatMap(GrizzlyGate::takeIntroduction)
                : Optional.empty();
    }
}

package dev.chorus.handshake;

import dev.chorus.identity.Identity;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import java.util.Optional;

/**
 * Who connected, as the chat learns it when a connection opens: the room it asked for, the name it is to be shown
 * by (before the room makes it unique), and who its token proves it is.
 *
 * @param room the room ({@link RoomName#ROOT} for the tutorial's)
 * @param name the token's {@code name} claim, else (WAR) the container login's name, else {@code ?name=}; empty:
 *     the client is called {@code Client(N)}
 * @param identity what its token proves, when the deployment asks for tokens and the token can be seen
 */
public record Introduction(RoomName room, Optional<DisplayName> name, Optional<Identity> identity) {

    /** The tutorial's room, no name, no token: what a tutorial client is. */
    public static final Introduction ANONYMOUS = new Introduction(RoomName.ROOT, Optional.empty(), Optional.empty());

    /**
     * The introduction by the one order of precedence: the token's name, the container login's, the one asked for.
     *
     * @param login the name of the container-authenticated user (WAR), if it is a valid display name
     * @param asked the {@code ?name=} asked for
     */
    static Introduction of(
            RoomName room, Optional<Identity> identity, Optional<DisplayName> login, Optional<DisplayName> asked) {
        Optional<DisplayName> claimed = identity.flatMap(Identity::name).flatMap(DisplayName::parse);
        return new Introduction(room, claimed.or(() -> login).or(() -> asked), identity);
    }
}

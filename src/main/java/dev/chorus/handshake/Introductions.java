package dev.chorus.handshake;

import dev.chorus.identity.Identity;
import dev.chorus.identity.TokenKey;
import dev.chorus.identity.TokenRefusedException;
import dev.chorus.identity.TokenVerifier;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who connected on a session, told once, when it opens: its {@link Introduction}. The room is the endpoint's
 * {@code {room}} path parameter ({@code /rooms/{room}}; none: the tutorial's room). The name is, in this order,
 * the token's {@code name} claim, the container login's name (WAR: {@link Session#getUserPrincipal()}, when it
 * is a valid display name) and {@code ?name=}.
 *
 * <p>The token: a session shows its query but not its headers. So a deployment that can hand over what its gate
 * admitted on the connection does ({@code handedOff}: the launcher, from the Grizzly connection under a Tyrus
 * session), and that introduction is taken as it is, {@code Authorization: Bearer} tokens included. Otherwise
 * (the WAR) a {@code ?token=} is verified again here, which is cheap and gives what the gate saw; a token sent only
 * in the header proves who may connect, at the gate, but its claims do not reach the chat. A token never leaves
 * this class, nor is logged.
 */
public final class Introductions {

    private static final System.Logger LOG = System.getLogger(Introductions.class.getName());

    /** The path parameter of the rooms endpoint, {@code /rooms/{room}}. */
    public static final String ROOM = "room";

    private final Optional<TokenVerifier> verifier;
    private final Function<Session, Optional<Introduction>> handedOff;

    /**
     * @param tokenKey the deployment's token key ({@code --jwt-key}), if it asks for tokens
     * @param handedOff what the gate admitted on a session's connection, where the deployment can tell (taken:
     *     asked once per session)
     */
    public Introductions(Optional<TokenKey> tokenKey, Function<Session, Optional<Introduction>> handedOff) {
        this.verifier = tokenKey.map(TokenVerifier::new);
        this.handedOff = handedOff;
    }

    /** Introductions read from sessions alone, as in the WAR. */
    public static Introductions fromSessions(Optional<TokenKey> tokenKey) {
        return new Introductions(tokenKey, session -> Optional.empty());
    }

    /**
     * Who connected on {@code session}: call once, at open. Empty only if the session asks for what the gate
     * refuses (a room or a name that is none, a token that no longer verifies), which cannot have passed the gate:
     * close it as a policy violation.
     */
    public Optional<Introduction> of(Session session) {
        Optional<Introduction> given = handedOff.apply(session);
        if (given.isPresent()) {
            return given;
        }
        String query = session.getQueryString();
        Optional<RoomName> room = room(session);
        Optional<DisplayName.Reading> asked = Asked.name(query);
        List<String> tokens = verifier.isPresent() ? TokenCheck.queryTokens(query) : List.of();
        if (room.isEmpty() || asked.flatMap(DisplayName.Reading::refusal).isPresent() || tokens.size() > 1) {
            return Optional.empty();
        }
        Optional<Identity> identity = Optional.empty();
        if (tokens.size() == 1) {
            try {
                identity = Optional.of(verifier.orElseThrow().verify(tokens.get(0)));
            } catch (TokenRefusedException e) {
                LOG.log(Level.DEBUG, () -> "A token the gate let in no longer verifies: " + e.getMessage());
                return Optional.empty();
            }
        }
        if (!identity.map(proven -> proven.mayJoin(room.get().toString())).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(
                Introduction.of(room.get(), identity, login(session), asked.flatMap(DisplayName.Reading::name)));
    }

    private static Optional<RoomName> room(Session session) {
        String room = session.getPathParameters() == null
                ? null
                : session.getPathParameters().get(ROOM);
        return room == null ? Optional.of(RoomName.ROOT) : RoomName.parse(room).filter(name -> !name.isRoot());
    }

    /** The container login's name, if it is a valid display name (a login such as an email address is not). */
    private static Optional<DisplayName> login(Session session) {
        Principal user = session.getUserPrincipal();
        return user == null ? Optional.empty() : DisplayName.parse(user.getName());
    }
}

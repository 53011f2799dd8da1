package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.identity.Identity;
import dev.chorus.identity.TokenKey;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import dev.chorus.testing.Tokens;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who a session says connected, at open: room, name by precedence, the token's identity; no server. */
class IntroductionsTest {

    private final Introductions open = Introductions.fromSessions(Optional.empty());
    private final Introductions signed = Introductions.fromSessions(Optional.of(TokenKey.parse(Tokens.SECRET)));

    @Test
    void aTutorialClientIsAnonymousInTheRootRoom() {
        assertEquals(Optional.of(Introduction.ANONYMOUS), open.of(session(null, null, null)));
        assertEquals(Optional.of(Introduction.ANONYMOUS), open.of(session(null, "x=1", null)));
    }

    @Test
    void theRoomIsTheEndpointsPathParameter() {
        assertEquals(
                room("lobby"),
                open.of(session("lobby", null, null)).orElseThrow().room());
    }

    @Test
    void aRoomOrNameTheGateWouldRefuseIsNoIntroduction() {
        assertEquals(Optional.empty(), open.of(session("a.b", null, null)));
        assertEquals(Optional.empty(), open.of(session("/", null, null)));
        assertEquals(Optional.empty(), open.of(session(null, "name=server", null)));
        assertEquals(Optional.empty(), signed.of(session(null, "token=nothing", null)));
        assertEquals(Optional.empty(), signed.of(session(null, "token=a&token=b", null)));
        String lobbyOnly = Tokens.hs256("alice", claims -> claims.claim("rooms", List.of("lobby")));
        assertEquals(Optional.empty(), signed.of(session("other", "token=" + lobbyOnly, null)));
    }

    @Test
    void theNameIsTheTokensThenTheLoginsThenTheOneAskedFor() {
        String named = Tokens.hs256("alice", claims -> claims.claim("name", "Alice"));
        String bare = Tokens.hs256("bob", claims -> claims);

        assertEquals(
                name("Alice"),
                signed.of(session(null, "name=Al&token=" + named, "carol"))
                        .orElseThrow()
                        .name());
        assertEquals(
                name("carol"),
                signed.of(session(null, "name=Al&token=" + bare, "carol"))
                        .orElseThrow()
                        .name());
        assertEquals(
                name("Al"),
                signed.of(session(null, "name=Al&token=" + bare, null))
                        .orElseThrow()
                        .name());
        assertEquals(
                name("Al"),
                open.of(session(null, "name=Al", "carol@example.com"))
                        .orElseThrow()
                        .name());
        assertEquals(
                Optional.empty(),
                open.of(session(null, null, "carol@example.com")).orElseThrow().name());
    }

    @Test
    void aQueryTokenIsVerifiedAgainForItsIdentity() {
        String token = Tokens.hs256("alice", claims -> claims.claim("rooms", List.of("lobby")));

        Introduction introduction =
                signed.of(session("lobby", "token=" + token, null)).orElseThrow();

        assertEquals(
                new Identity("alice", Optional.empty(), Optional.of(List.of("lobby"))),
                introduction.identity().orElseThrow());
        assertEquals(
                Optional.empty(),
                open.of(session(null, "token=" + token, null)).orElseThrow().identity());
    }

    @Test
    void aTokenSentOnlyInTheHeaderIsNotSeenFromTheSession() {
        assertEquals(
                Optional.empty(),
                signed.of(session("lobby", "name=Al", null)).orElseThrow().identity());
    }

    @Test
    void whatTheGateHandedOffIsTakenAsItIs() {
        Introduction gate = new Introduction(
                room("lobby"), name("Dave"), Optional.of(new Identity("dave", Optional.empty(), Optional.empty())));
        Introductions launcher =
                new Introductions(Optional.of(TokenKey.parse(Tokens.SECRET)), session -> Optional.of(gate));

        assertEquals(Optional.of(gate), launcher.of(session(null, "name=Al", null)));
    }

    private static RoomName room(String name) {
        return RoomName.parse(name).orElseThrow();
    }

    private static Optional<DisplayName> name(String name) {
        return Optional.of(DisplayName.parse(name).orElseThrow());
    }

    /** A session on {@code /rooms/{room}} (or {@code /} if null), with this query and container login. */
    private static Session session(String room, String query, String login) {
        Map<String, String> parameters = new HashMap<>();
        if (room != null) {
            parameters.put(Introductions.ROOM, room);
        }
        Principal principal = login == null ? null : () -> login;
        return (Session) Proxy.newProxyInstance(
                Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "getPathParameters" -> parameters;
                        case "getQueryString" -> query;
                        case "getUserPrincipal" -> principal;
                        case "toString" -> "session " + room + " ? " + query;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}

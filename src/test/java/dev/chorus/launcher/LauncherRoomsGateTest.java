package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.client.ClientOptions;
import dev.chorus.contract.HandshakeContract;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawHttp;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gate's rooms and names over real sockets: each refusal as a client sees it, and who reaches the open. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherRoomsGateTest {

    private static final String UPGRADE = HandshakeContract.UPGRADE + HandshakeContract.KEY + HandshakeContract.VERSION;

    @RegisterExtension
    final LogRecords log = new LogRecords("dev.chorus");

    private ChorusServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUpgradeToAnInvalidRoomNameGets400SayingTheRule() throws Exception {
        server = TestServers.start(Map.of());

        String head = upgrade("/rooms/no.dots", "");

        assertTrue(head.startsWith("HTTP/1.1 400 Bad Request\r\n"), head);
        log.await("Refused an upgrade from 127.0.0.1: 400 invalid room name: use 1-64 of A-Z a-z 0-9 _ -");
    }

    @Test
    void anInvalidNameGets400SayingWhy() throws Exception {
        server = TestServers.start(Map.of());

        String head = upgrade("/?name=SERVER", "");

        assertTrue(head.startsWith("HTTP/1.1 400 Bad Request\r\n"), head);
        log.await("Refused an upgrade from 127.0.0.1: 400 invalid name: 'server' is reserved");
    }

    @Test
    void aTokenForOtherRoomsGets403() throws Exception {
        server = TestServers.start(Map.of(Setting.JWT_KEY, Tokens.SECRET));
        String token = Tokens.hs256("alice", claims -> claims.claim("rooms", List.of("lobby", "/")));

        String head = upgrade("/rooms/kitchen?token=" + token, "");

        assertTrue(head.startsWith("HTTP/1.1 403 Forbidden\r\n"), head);
        assertTrue(head.contains("WWW-Authenticate: Bearer realm=\"chorus\", error=\"insufficient_scope\"\r\n"), head);
        log.await("Refused an upgrade from 127.0.0.1: 403 room not in token");
    }

    @Test
    void aTokenWhoseNameIsNoDisplayNameGets401InvalidToken() throws Exception {
        server = TestServers.start(Map.of(Setting.JWT_KEY, Tokens.SECRET));
        String token = Tokens.hs256("alice", claims -> claims.claim("name", "alice\u202Eevil"));

        String head = upgrade("/", "Authorization: Bearer " + token + "\r\n");

        assertTrue(head.startsWith("HTTP/1.1 401 Unauthorized\r\n"), head);
        assertTrue(head.contains("WWW-Authenticate: Bearer realm=\"chorus\", error=\"invalid_token\"\r\n"), head);
        log.await("Refused an upgrade from 127.0.0.1: 401 invalid name in token: use letters, digits, space and - _ . '"
                + " only");
        assertTrue(log.all().stream().noneMatch(line -> line.contains(token.split("\\.")[2])), log.all()::toString);
    }

    @Test
    void aTokensNameInTheHeaderOrTheQueryIsTheNameTheRoomShowsOverTheOneAskedFor() throws Exception {
        server = ChorusServer.start(TestServers.settings(Map.of(Setting.JWT_KEY, Tokens.SECRET)));
        String token = Tokens.hs256("alice", claims -> claims.claim("name", "Alice"));
        URI room = server.uri().resolve("rooms/gate");
        try (Peer alice = Peer.connect(
                        URI.create(room + "?name=Mallory"),
                        options -> options.withHeader("Authorization", "Bearer " + token));
                Peer zoe = Peer.connect(
                        URI.create(room + "?name=Zo%C3%AB&token=" + Tokens.hs256("zoe", claims -> claims)))) {
            alice.expect(Peer.GREETING);
            zoe.expect(Peer.GREETING);
            assertEquals(
                    List.of("Alice", "Zoë"),
                    List.copyOf(server.room()
                            .directory()
                            .members(RoomName.parse("gate").orElseThrow())
                            .orElseThrow()
                            .values()));
        }
    }

    @Test
    void anAcceptedRoomUpgradeWithAHeaderTokenIsWelcomedByTheTokensName() throws Exception {
        server = TestServers.start(Map.of(Setting.JWT_KEY, Tokens.SECRET));
        String token =
                Tokens.hs256("alice", claims -> claims.claim("name", "Alice").claim("rooms", List.of("lobby")));
        URI lobby = URI.create(server.uri().resolve("rooms/lobby") + "?name=Mallory");

        try (Peer first = Peer.connect(lobby, options -> v1(options, token));
                Peer second = Peer.connect(lobby, options -> v1(options, token))) {
            JsonObject welcome = json(first.nextText());
            assertEquals("welcome", welcome.getString("type"));
            assertEquals("lobby", welcome.getString("room"));
            assertEquals("Alice", welcome.getString("name"));
            assertEquals("Alice#2", json(second.nextText()).getString("name"));
        }
    }

    @Test
    void anUpgradeToARoomPastTheLimitGets503WithRetryAfter() throws Exception {
        server = TestServers.start(Map.of(Setting.MAX_ROOMS, "2"));
        try (Peer lobby = Peer.join(server.uri().resolve("rooms/lobby"))) {
            String head = upgrade("/rooms/kitchen", "");

            assertTrue(head.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), head);
            assertTrue(head.contains("Retry-After: "), head);
            log.await("Refused an upgrade from 127.0.0.1: 503 room limit reached");
            lobby.sayAndLearnId("the lobby is still held");
            assertTrue(upgrade("/rooms/lobby", "").startsWith("HTTP/1.1 101"));
        }
    }

    private static ClientOptions v1(ClientOptions options, String token) {
        return options.withSubprotocols(List.of("chorus.v1")).withHeader("Authorization", "Bearer " + token);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private String upgrade(String pathAndQuery, String headers) throws Exception {
        URI uri = server.uri();
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + UPGRADE + headers + "\r\n";
        return RawHttp.exchange(uri, request.getBytes(StandardCharsets.ISO_8859_1));
    }
}

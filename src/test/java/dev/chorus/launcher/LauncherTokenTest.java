package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.HandshakeContract;
import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawHttp;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With --jwt-key, over real sockets: no token, a bad one and a good one, in the query and in the header. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherTokenTest {

    private static final String UPGRADE = HandshakeContract.UPGRADE + HandshakeContract.KEY + HandshakeContract.VERSION;

    @RegisterExtension
    final LogRecords log = new LogRecords("dev.chorus");

    private ChorusServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(Setting.JWT_KEY, Tokens.SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUpgradeWithoutATokenGets401WithABearerChallenge() throws Exception {
        String head = RawHttp.upgrade(server.uri(), "GET", UPGRADE);

        assertTrue(head.startsWith("HTTP/1.1 401 Unauthorized\r\n"), head);
        assertTrue(head.contains("WWW-Authenticate: Bearer realm=\"chorus\"\r\n"), head);
        log.await("Refused an upgrade from 127.0.0.1: 401 missing token");
    }

    @Test
    void aBadTokenGets401InvalidTokenIsCountedAndIsNeverLogged() throws Exception {
        String expired = Tokens.hs256(
                "alice", claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));

        String head = upgrade("/?token=" + expired, "");
        String header = RawHttp.upgrade(server.uri(), "GET", UPGRADE + "Authorization: Bearer " + expired + "\r\n");

        for (String answer : List.of(head, header)) {
            assertTrue(answer.startsWith("HTTP/1.1 401 Unauthorized\r\n"), answer);
            assertTrue(
                    answer.contains("WWW-Authenticate: Bearer realm=\"chorus\", error=\"invalid_token\"\r\n"), answer);
        }
        log.await("Refused an upgrade from 127.0.0.1: 401 expired token");
        Scrape.awaitValue(
                server.pageUri().resolve("/metrics"), 2, "chorus_connections_rejected_total", "reason", "http-401");
        assertEquals(
                2,
                log.all().stream()
                        .filter(line -> line.contains("401 expired token"))
                        .count(),
                log.all()::toString);
        assertTrue(log.all().stream().noneMatch(line -> line.contains(expired.split("\\.")[2])), log.all()::toString);
    }

    @Test
    void aTokenWhoseRoomsLeaveOutTheRootGets403() throws Exception {
        String token = Tokens.hs256("alice", claims -> claims.claim("rooms", List.of("lobby")));

        String head = upgrade("/?token=" + token, "");

        assertTrue(head.startsWith("HTTP/1.1 403 Forbidden\r\n"), head);
        log.await("Refused an upgrade from 127.0.0.1: 403 room not in token");
    }

    @Test
    void aValidTokenInTheQueryOrTheHeaderJoinsTheChat() throws Exception {
        String alice = Tokens.hs256("alice", claims -> claims.claim("name", "Alice"));
        String bob = Tokens.hs256("bob", claims -> claims.claim("rooms", List.of("/")));

        try (Peer first = Peer.join(URI.create(server.uri() + "?token=" + alice));
                Peer second =
                        Peer.join(server.uri(), options -> options.withHeader("Authorization", "Bearer " + bob))) {
            first.expect(Peer.GREETING); // the second's arrival
            first.sayAndLearnId("signed in", second);
        }
        for (String token : List.of(alice, bob)) {
            assertTrue(log.all().stream().noneMatch(line -> line.contains(token.split("\\.")[2])), log.all()::toString);
        }
    }

    @Test
    void aValidBearerTokenIsAnsweredWith101() throws Exception {
        String token = Tokens.hs256("carol", claims -> claims);

        String head = RawHttp.upgrade(server.uri(), "GET", UPGRADE + "Authorization: Bearer " + token + "\r\n");

        assertTrue(head.startsWith("HTTP/1.1 101"), head);
    }

    private String upgrade(String pathAndQuery, String headers) throws Exception {
        URI uri = server.uri();
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + UPGRADE + headers + "\r\n";
        return RawHttp.exchange(uri, request.getBytes(StandardCharsets.ISO_8859_1));
    }
}

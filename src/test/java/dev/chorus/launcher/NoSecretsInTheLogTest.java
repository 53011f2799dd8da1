package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.HandshakeContract;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawHttp;
import dev.chorus.testing.TestServers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cookies and the admin token never reach the log: requests that carry them, on the chat port and the admin
 * port, accepted and refused, with Chorus's loggers at their most talkative (every level) and every other
 * logger as configured.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoSecretsInTheLogTest {

    private static final String COOKIE = "s=SECRET-cookie-" + UUID.randomUUID();
    private static final String TOKEN = "SECRET-token-" + UUID.randomUUID();
    private static final String WRONG_TOKEN = "SECRET-wrong-" + UUID.randomUUID();

    @RegisterExtension
    final LogRecords everything = new LogRecords("");

    private final Logger chorus = Logger.getLogger("dev.chorus");
    private Level chorusLevel;

    @BeforeEach
    void logEverything() {
        chorusLevel = chorus.getLevel();
        chorus.setLevel(Level.ALL);
    }

    @AfterEach
    void logAsBefore() {
        chorus.setLevel(chorusLevel);
    }

    @Test
    void handshakesAndAdminRequestsCarryingACookieAndATokenLogNeither() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN))) {
            URI admin = server.adminUri().orElseThrow();
            int id;
            try (Peer peer = Peer.join(server.uri(), options -> options.withHeader("Cookie", COOKIE)
                    .withHeader("Authorization", "Bearer " + TOKEN))) {
                id = peer.sayAndLearnId("my cookie stays mine");
                String refused = RawHttp.upgrade(
                        server.uri(),
                        "GET",
                        HandshakeContract.UPGRADE + HandshakeContract.KEY + HandshakeContract.VERSION
                                + "Origin: https://evil.example\r\nCookie: " + COOKIE + "\r\n"
                                + "Authorization: Bearer " + WRONG_TOKEN + "\r\n");
                assertTrue(refused.startsWith("HTTP/1.1 403"), refused);

                assertAdmin(200, "GET", admin.resolve("clients"), "Bearer " + TOKEN);
                assertAdmin(202, "POST", admin.resolve("clients/" + id + "/messages"), "Bearer " + TOKEN);
                peer.expect("for you");
                assertAdmin(403, "GET", admin.resolve("clients"), "Bearer " + WRONG_TOKEN);
                assertAdmin(401, "GET", admin.resolve("maintenance"), "Basic " + WRONG_TOKEN);
            }
            everything.await("Client(" + id + ") disconnected");
        }
        List<String> lines = everything.all();
        for (String secret : List.of(COOKIE, TOKEN, WRONG_TOKEN)) {
            assertTrue(lines.stream().noneMatch(line -> line.contains(secret)), () -> secret + " logged: " + lines);
        }
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Refused an admin request")), lines::toString);
    }

    private static void assertAdmin(int status, String method, URI uri, String authorization) throws Exception {
        HttpResponse<String> response = Http.send(
                method,
                uri,
                Map.of("Cookie", COOKIE, "Authorization", authorization),
                "POST".equals(method) ? "for you" : "");
        assertEquals(status, response.statusCode(), () -> method + " " + uri + ": " + response.body());
    }
}

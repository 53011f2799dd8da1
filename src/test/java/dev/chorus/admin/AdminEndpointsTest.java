package dev.chorus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The launcher's admin endpoints: token rules, the client list, a message to one client, disconnects. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminEndpointsTest {

    private static final String TOKEN = "s3cret-admin-token-for-tests";

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private ChorusServer server;
    private URI admin;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN));
        admin = server.adminUri().orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return Http.withToken(method, admin.resolve(path), TOKEN, body);
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    @Test
    void aMissingTokenIs401AndAWrongOneIs403AndNeitherIsLogged() throws Exception {
        HttpResponse<String> missing = Http.get(admin.resolve("clients"));
        assertEquals(401, missing.statusCode());
        assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> wrong = Http.withToken("GET", admin.resolve("clients"), "guess", "");
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> prefix = Http.withToken("GET", admin.resolve("clients"), TOKEN.substring(1), "");
        assertEquals(403, prefix.statusCode());
        assertEquals(200, call("GET", "clients", "").statusCode());
        List<String> refusals = log.awaitMatching(Pattern.compile("Refused an admin request"), 3);
        List<String> everything = log.awaitMatching(Pattern.compile(""), 1);
        assertTrue(everything.stream().noneMatch(l -> l.contains(TOKEN.substring(1))), everything::toString);
        assertTrue(refusals.stream().noneMatch(l -> l.contains("guess")), refusals::toString);
    }

    @Test
    void theAdminListenerIsOnLoopbackOnlyAndAbsentWhenOff() throws Exception {
        assertEquals("127.0.0.1", admin.getHost());
        try (ChorusServer elsewhere = TestServers.start(
                Map.of(Setting.HOST, "127.0.0.2", Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN))) {
            URI adminThere = elsewhere.adminUri().orElseThrow();
            assertEquals("127.0.0.1", adminThere.getHost());
            try (Socket probe = new Socket()) {
                ConnectException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        ConnectException.class,
                        () -> probe.connect(new InetSocketAddress("127.0.0.2", adminThere.getPort()), 5_000));
                assertTrue(refused.getMessage() != null);
            }
        }
        try (ChorusServer off = TestServers.start(Map.of())) {
            assertTrue(off.adminUri().isEmpty());
            HttpResponse<String> onChatPort =
                    Http.withToken("GET", off.pageUri().resolve("/admin/clients"), TOKEN, "");
            assertEquals(404, onChatPort.statusCode());
        }
    }

    @Test
    void theClientListShowsEachClientWithItsCounts() throws Exception {
        try (Peer peer = Peer.join(server.uri())) {
            int id = peer.sayAndLearnId("first");
            peer.say("second");
            peer.expect("Client(" + id + ") said: second");
            JsonObject client = awaitClient(id, 3);
            assertEquals(2, client.getInt("messagesIn"));
            assertEquals(0, client.getJsonNumber("queuedBytes").longValue());
            assertTrue(client.getString("remoteAddress").startsWith("127.0.0.1"), client::toString);
            assertFalse(Instant.parse(client.getString("connectedSince")).isAfter(Instant.now()));
        }
    }

    /** Waits (bounded) for client {@code id} to show {@code messagesOut}: counted when a send completes. */
    private JsonObject awaitClient(int id, int messagesOut) throws Exception {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = call("GET", "clients", "");
            assertEquals(200, response.statusCode(), response::body);
            assertEquals(
                    "application/json",
                    response.headers().firstValue("Content-Type").orElse(""));
            JsonObject client = array(response).getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getInt("id") == id)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no client " + id + " in " + response.body()));
            if (client.getInt("messagesOut") == messagesOut || System.nanoTime() > deadline) {
                assertEquals(messagesOut, client.getInt("messagesOut"), client::toString);
                return client;
            }
        }
    }

    @Test
    void aMessageForAChorusV1ClientIsANoticeEvent() throws Exception {
        try (V1Peer peer = V1Peer.join(server.uri())) {
            HttpResponse<String> sent = call("POST", "clients/" + peer.id() + "/messages", "server restarts at noon");
            assertEquals(202, sent.statusCode(), sent::body);

            JsonObject notice = peer.next("notice");
            assertEquals("server restarts at noon", notice.getString("text"));
        }
    }

    @Test
    void aMessageForOneClientReachesOnlyThatClient() throws Exception {
        List<Peer> peers = Peer.joinAll(server.uri(), 2);
        int first = peers.get(0).sayAndLearnId("me first");
        peers.get(1).nextText();
        HttpResponse<String> sent = call("POST", "clients/" + first + "/messages", "psst, only you");
        assertEquals(202, sent.statusCode(), sent::body);
        peers.get(0).expect("psst, only you");
        int second = peers.get(1).sayAndLearnId("anything for me?");
        peers.get(0).expect("Client(" + second + ") said: anything for me?");
        assertEquals(404, call("POST", "clients/99999/messages", "nobody").statusCode());
        // Ids are longs: one past the largest int is looked up, one past the largest long is nobody's.
        HttpResponse<String> pastInt = call("POST", "clients/2147483648/messages", "nobody");
        assertEquals(404, pastInt.statusCode());
        assertTrue(pastInt.body().contains("no client 2147483648"), pastInt::body);
        assertEquals(
                404,
                call("POST", "clients/9223372036854775808/messages", "nobody").statusCode());
        log.await("An operator sent Client(" + first + "): psst, only you");
        for (Peer peer : peers) {
            peer.close();
        }
    }

    @Test
    void disconnectAllClosesEveryClientCleanlyOrAbruptlyAndTheServerStaysUp() throws Exception {
        assertDisconnect("going-away", 1001, "disconnected by operator");
        assertDisconnect("normal", 1000, "disconnected by operator");
        assertDisconnect("abrupt", 1006, null);
        assertEquals(400, call("POST", "disconnect?mode=gently", "").statusCode());
        try (Peer after = Peer.join(server.uri())) {
            after.sayAndLearnId("still serving");
        }
    }

    private void assertDisconnect(String mode, int code, String reason) throws Exception {
        List<Peer> peers = Peer.joinAll(server.uri(), 2);
        HttpResponse<String> response = call("POST", "disconnect?mode=" + mode, "");
        assertEquals(200, response.statusCode(), response::body);
        for (Peer peer : peers) {
            CloseReason closed = peer.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(code, closed.getCloseCode().getCode(), mode);
            if (reason != null) {
                assertEquals(reason, closed.getReasonPhrase());
            }
        }
        log.awaitMatching(Pattern.compile("An operator disconnected every client \\(" + mode + "\\)"), 1);
    }
}

package dev.chorus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawHttp;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server publish API on the launcher's admin port, with real clients on the chat port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherPublishApiTest {

    private static final String TOKEN = "publish-api-launcher-token";
    private static final int MAX_MESSAGE_BYTES = 100;

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private ChorusServer server;
    private URI admin;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(
                Setting.ADMIN_PORT,
                "0",
                Setting.ADMIN_TOKEN,
                TOKEN,
                Setting.MAX_MESSAGE_BYTES,
                Integer.toString(MAX_MESSAGE_BYTES),
                Setting.RETRY_AFTER,
                "3s"));
        admin = server.adminUri().orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return Http.withToken(method, admin.resolve(path), TOKEN, body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void theRoomListShowsTheTutorialRoomWithItsMembers() throws Exception {
        List<Peer> peers = Peer.joinAll(server.uri(), 2);
        HttpResponse<String> rooms = call("GET", "api/rooms", "");
        assertEquals(200, rooms.statusCode(), rooms::body);
        assertEquals("{\"rooms\":[{\"name\":\"/\",\"members\":2}]}", rooms.body());
        HttpResponse<String> members = call("GET", "api/rooms/~/members", "");
        assertEquals(200, members.statusCode(), members::body);
        assertEquals("/", json(members).getString("room"));
        assertEquals(2, json(members).getJsonArray("members").size(), members::body);
        for (Peer peer : peers) {
            peer.close();
        }
    }

    @Test
    void aMessageToTheTutorialRoomReachesATutorialClientAsThePlainText() throws Exception {
        try (V1Peer v1 = V1Peer.join(server.uri());
                Peer tutorial = Peer.join(server.uri())) {
            HttpResponse<String> sent = call("POST", "api/rooms/~/messages", "maintenance at noon ✓");
            assertEquals(202, sent.statusCode(), sent::body);
            assertEquals("{\"room\":\"/\"}", sent.body());
            tutorial.expect("maintenance at noon ✓");
            JsonObject said = v1.nextSaid();
            assertEquals(0, said.getInt("from"), said::toString);
            assertEquals("server", said.getString("name"), said::toString);
            assertEquals("maintenance at noon ✓", said.getString("text"));
            log.await("An operator published to room / (23 bytes): maintenance at noon ✓");
        }
    }

    @Test
    void badTextIsRefusedOverHttpAsOverTheApi() throws Exception {
        try (Peer tutorial = Peer.join(server.uri())) {
            URI messages = admin.resolve("api/rooms/~/messages");
            byte[] loneSurrogate = {'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
            HttpResponse<String> invalid = Http.withToken("POST", messages, TOKEN, loneSurrogate);
            assertEquals(400, invalid.statusCode(), invalid::body);
            assertEquals("invalid text", json(invalid).getString("error"));
            assertEquals(400, call("POST", "api/rooms/~/messages", "").statusCode());
            HttpResponse<String> tooLarge = call("POST", "api/rooms/~/messages", "x".repeat(MAX_MESSAGE_BYTES + 1));
            assertEquals(413, tooLarge.statusCode(), tooLarge::body);
            assertEquals(400, call("POST", "api/rooms/no.such/messages", "x").statusCode());
            HttpResponse<String> wrongMethod = call("GET", "api/rooms/~/messages", "");
            assertEquals(405, wrongMethod.statusCode(), wrongMethod::body);
            assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
            HttpResponse<String> atLimit = call("POST", "api/rooms/~/messages", "y".repeat(MAX_MESSAGE_BYTES));
            assertEquals(202, atLimit.statusCode(), atLimit::body);
            tutorial.expect("y".repeat(MAX_MESSAGE_BYTES)); // the first thing it hears: nothing refused got through
        }
    }

    @Test
    void aHugeBodyIsRefusedWith413UnreadAndTheConnectionCloses() throws Exception {
        String head =
                "POST /api/rooms/~/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN + "\r\n";
        String declared = RawHttp.exchange(admin, (head + "Content-Length: 1000000\r\n\r\nabc").getBytes());
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.toLowerCase(Locale.ROOT).contains("connection: close"), declared);
        // A chunk that says a megabyte follows: answered once one byte past the limit is in, not at its end.
        String chunked = RawHttp.exchange(
                admin,
                (head + "Transfer-Encoding: chunked\r\n\r\nF4240\r\n" + "z".repeat(MAX_MESSAGE_BYTES + 1))
                        .getBytes(StandardCharsets.US_ASCII));
        assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
    }

    @Test
    void aMissingTokenIs401AndAWrongOneIs403() throws Exception {
        HttpResponse<String> missing = Http.send("POST", admin.resolve("api/rooms/~/messages"), Map.of(), "x");
        assertEquals(401, missing.statusCode(), missing::body);
        HttpResponse<String> wrong = Http.withToken("GET", admin.resolve("api/rooms"), "guess", "");
        assertEquals(403, wrong.statusCode(), wrong::body);
    }

    @Test
    void aMessageToANamedRoomReachesItsChorusV1ClientsAsASaidFromTheServerAndNobodyElse() throws Exception {
        try (V1Peer alice = V1Peer.join(server.uri().resolve("rooms/lobby?name=alice"));
                Peer tutorialInLobby = Peer.join(server.uri().resolve("rooms/lobby"));
                Peer inRoot = Peer.join(server.uri())) {
            HttpResponse<String> sent = call("POST", "api/rooms/lobby/messages", "lunch is served");
            assertEquals(202, sent.statusCode(), sent::body);
            assertEquals("{\"room\":\"lobby\"}", sent.body());
            JsonObject said = alice.nextSaid();
            assertEquals(0, said.getInt("from"), said::toString);
            assertEquals("server", said.getString("name"), said::toString);
            assertEquals("lunch is served", said.getString("text"));
            assertEquals(1, said.getInt("seq"), said::toString);
            tutorialInLobby.expect("lunch is served");
            // Had it reached the tutorial room, it would have come before this client's own line.
            inRoot.sayAndLearnId("nothing from the lobby here");
            log.await("An operator published to room lobby (15 bytes): lunch is served");
        }
    }

    @Test
    void theRoomListAndTheMembersShowEachRoomWithItsClientsByName() throws Exception {
        try (V1Peer alice = V1Peer.join(server.uri().resolve("rooms/lobby?name=alice"));
                V1Peer alsoAlice = V1Peer.join(server.uri().resolve("rooms/lobby?name=ALICE"));
                V1Peer inRoot = V1Peer.join(server.uri())) {
            HttpResponse<String> rooms = call("GET", "api/rooms", "");
            assertEquals(200, rooms.statusCode(), rooms::body);
            assertEquals(
                    "{\"rooms\":[{\"name\":\"/\",\"members\":1},{\"name\":\"lobby\",\"members\":2}]}", rooms.body());
            HttpResponse<String> members = call("GET", "api/rooms/lobby/members", "");
            assertEquals(200, members.statusCode(), members::body);
            assertEquals(
                    "{\"room\":\"lobby\",\"members\":[{\"id\":" + alice.id() + ",\"name\":\"alice\"},{\"id\":"
                            + alsoAlice.id() + ",\"name\":\"ALICE#2\"}]}",
                    members.body());
            HttpResponse<String> root = call("GET", "api/rooms/~/members", "");
            assertEquals(
                    "{\"room\":\"/\",\"members\":[{\"id\":" + inRoot.id() + ",\"name\":\"Client(" + inRoot.id()
                            + ")\"}]}",
                    root.body());
            HttpResponse<String> nowhere = call("GET", "api/rooms/nowhere/members", "");
            assertEquals(404, nowhere.statusCode(), nowhere::body);
            assertEquals("no such room", json(nowhere).getString("error"));
        }
    }

    @Test
    void aMessageMakesTheRoomItNamesAndPastTheRoomLimitIs503WithRetryAfter() throws Exception {
        try (ChorusServer small = TestServers.start(
                Map.of(Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN, Setting.MAX_ROOMS, "2"))) {
            URI smallAdmin = small.adminUri().orElseThrow();
            URI news = smallAdmin.resolve("api/rooms/news/messages");
            HttpResponse<String> made = Http.withToken("POST", news, TOKEN, "first!");
            assertEquals(202, made.statusCode(), made::body);
            try (V1Peer late = V1Peer.connect(small.uri().resolve("rooms/news"))) {
                // Kept in the room's history: the welcome says how far the room has got.
                assertEquals(1, late.welcome().getInt("seq"), late::describeSeen);
            }
            HttpResponse<String> refused =
                    Http.withToken("POST", smallAdmin.resolve("api/rooms/sports/messages"), TOKEN, "goal");
            assertEquals(503, refused.statusCode(), refused::body);
            assertEquals("room limit reached", json(refused).getString("error"));
            assertTrue(refused.headers().firstValue("Retry-After").isPresent(), refused::toString);
            log.await("Refused to publish (room limit reached) to room sports (4 bytes): goal");
        }
    }
}

package dev.chorus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.admin.Publishing.MemberView;
import dev.chorus.admin.Publishing.RoomView;
import dev.chorus.chat.RoomDirectory.Published;
import dev.chorus.naming.RoomName;
import dev.chorus.ops.OpsReply;
import dev.chorus.ops.OpsRequest;
import dev.chorus.testing.LogRecords;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server publish API over an in-test chat: every route, every status, no sockets. */
class PublishApiTest {

    static final String TOKEN = "publish-api-token";
    static final int MAX_MESSAGE_BYTES = 16;
    static final long RETRY_AFTER_SECONDS = 7;
    private static final RoomName LOBBY = RoomName.parse("lobby").orElseThrow();

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private final FakeChat chat = new FakeChat();
    private final AdminEndpoint admin = endpoint(chat);

    /** What the API asked of the chat, and what the chat answers. */
    static final class FakeChat implements Publishing {
        final List<String> published = new ArrayList<>();
        Published answer = Published.ACCEPTED;

        @Override
        public List<RoomView> rooms() {
            return List.of(new RoomView(RoomName.ROOT, 2), new RoomView(LOBBY, 1));
        }

        @Override
        public Optional<List<MemberView>> members(RoomName room) {
            if (room.isRoot()) {
                return Optional.of(List.of(new MemberView(3, "Client(3)"), new MemberView(5, "bob")));
            }
            return room.equals(LOBBY) ? Optional.of(List.of(new MemberView(4, "alice\"#2"))) : Optional.empty();
        }

        @Override
        public Published publish(RoomName room, String text) {
            published.add(room + " " + text);
            return answer;
        }
    }

    /** The admin endpoint with {@code chat} as its publisher; its other routes must not be reached. */
    static AdminEndpoint endpoint(Publishing chat) {
        return new AdminEndpoint(
                TOKEN,
                () -> {
                    throw new AssertionError("the publish API must not reach the room's controls");
                },
                new RoomsApi(() -> chat, MAX_MESSAGE_BYTES, RETRY_AFTER_SECONDS, true));
    }

    static OpsRequest request(String method, String path, byte[] body, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return new OpsRequest(method, path, headers::get, name -> null, body);
    }

    private OpsReply call(String method, String path, byte[] body) {
        return admin.handle(request(method, path, body, TOKEN));
    }

    private OpsReply call(String method, String path, String body) {
        return call(method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(OpsReply reply) {
        assertEquals(OpsReply.JSON, reply.contentType());
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    /** Asserts {@code reply} is the error {@code error} with {@code status} and a detail; returns the detail. */
    private static String assertError(int status, String error, OpsReply reply) {
        assertEquals(status, reply.status(), reply::body);
        JsonObject body = json(reply);
        assertEquals(error, body.getString("error"), reply::body);
        assertTrue(!body.getString("detail").isBlank(), reply::body);
        return body.getString("detail");
    }

    @Test
    void theRoomListNamesTheTutorialRoomAsASlashWithItsMemberCount() {
        OpsReply reply = call("GET", "/api/rooms", "");
        assertEquals(200, reply.status(), reply::body);
        assertEquals("{\"rooms\":[{\"name\":\"/\",\"members\":2},{\"name\":\"lobby\",\"members\":1}]}", reply.body());
    }

    @Test
    void theMembersOfARoomAreListedWithTheirIdsAndNames() {
        OpsReply lobby = call("GET", "/api/rooms/lobby/members", "");
        assertEquals(200, lobby.status(), lobby::body);
        assertEquals("{\"room\":\"lobby\",\"members\":[{\"id\":4,\"name\":\"alice\\\"#2\"}]}", lobby.body());
        OpsReply tutorial = call("GET", "/api/rooms/~/members", "");
        assertEquals(200, tutorial.status(), tutorial::body);
        assertEquals("/", json(tutorial).getString("room"));
        assertEquals(2, json(tutorial).getJsonArray("members").size());
    }

    @Test
    void theMembersOfARoomThisNodeDoesNotHoldAre404() {
        assertError(404, "no such room", call("GET", "/api/rooms/nowhere/members", ""));
    }

    @Test
    void aMessageIsAcceptedWith202AndReachesTheChatAsTextAndIsLoggedOnce() throws Exception {
        OpsReply reply = call("POST", "/api/rooms/lobby/messages", "héllo\nworld");
        assertEquals(202, reply.status(), reply::body);
        assertEquals("{\"room\":\"lobby\"}", reply.body());
        assertEquals(List.of("lobby héllo\nworld"), chat.published);
        log.await("An operator published to room lobby (12 bytes): héllo\\nworld");
    }

    @Test
    void aMessageToTheTildeGoesToTheTutorialRoomWrittenAsASlash() {
        OpsReply reply = call("POST", "/api/rooms/~/messages", "hi all");
        assertEquals(202, reply.status(), reply::body);
        assertEquals("/", json(reply).getString("room"));
        // Percent-encoded, as a client may send it and Grizzly hands it over (a servlet container decodes it).
        assertEquals(202, call("POST", "/api/rooms/%7e/messages", "hi again").status());
        assertEquals(List.of("/ hi all", "/ hi again"), chat.published);
    }

    @Test
    void theLogShowsOnlyTheSizeWhenMessagesAreKeptOutOfTheLog() throws Exception {
        AdminEndpoint quiet =
                new AdminEndpoint(TOKEN, () -> null, new RoomsApi(() -> chat, MAX_MESSAGE_BYTES, 1, false));
        OpsReply reply = quiet.handle(request("POST", "/api/rooms/lobby/messages", "secret".getBytes(), TOKEN));
        assertEquals(202, reply.status(), reply::body);
        log.await("An operator published to room lobby (6 bytes)");
        assertTrue(log.all().stream().noneMatch(line -> line.contains("secret")), log.all()::toString);
    }

    @Test
    void anInvalidRoomNameIs400ForMessagesAndMembersAlike() {
        for (String name : List.of("caf%C3%A9", "a.b", "", "x".repeat(65), "~~", "%7F")) {
            String detail =
                    assertError(400, "invalid room name", call("POST", "/api/rooms/" + name + "/messages", "x"));
            assertTrue(detail.contains("A-Z a-z 0-9 _ -"), detail);
            assertError(400, "invalid room name", call("GET", "/api/rooms/" + name + "/members", ""));
        }
        assertEquals(List.of(), chat.published);
    }

    @Test
    void anEmptyBodyIs400() {
        assertError(400, "empty message", call("POST", "/api/rooms/lobby/messages", new byte[0]));
        assertEquals(List.of(), chat.published);
    }

    @Test
    void malformedUtf8AndAnEncodedLoneSurrogateAre400() {
        List<byte[]> bodies = List.of(
                new byte[] {'a', (byte) 0xff},
                new byte[] {(byte) 0xc3}, // cut off mid-character
                new byte[] {(byte) 0xc0, (byte) 0xaf}, // an overlong '/'
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // U+D800, a lone surrogate
                new byte[] {(byte) 0xed, (byte) 0xb0, (byte) 0x80, 'x'}); // U+DC00
        for (byte[] body : bodies) {
            assertError(400, "invalid text", call("POST", "/api/rooms/lobby/messages", body));
        }
        assertEquals(List.of(), chat.published);
    }

    @Test
    void aBodyUpToTheLimitIsTakenAndOneByteMoreIs413() {
        String atLimit = "é".repeat(MAX_MESSAGE_BYTES / 2);
        assertEquals(202, call("POST", "/api/rooms/lobby/messages", atLimit).status());
        String detail = assertError(413, "message too large", call("POST", "/api/rooms/lobby/messages", atLimit + "x"));
        assertTrue(detail.contains(Integer.toString(MAX_MESSAGE_BYTES)), detail);
        assertEquals(List.of("lobby " + atLimit), chat.published);
    }

    @Test
    void theRoomLimitAndTheBusBacklogAre503WithRetryAfter() {
        chat.answer = Published.ROOM_LIMIT;
        OpsReply limit = call("POST", "/api/rooms/new-room/messages", "hello");
        assertError(503, "room limit reached", limit);
        assertEquals(Long.toString(RETRY_AFTER_SECONDS), limit.headers().get("Retry-After"));
        chat.answer = Published.BACKLOG;
        OpsReply backlog = call("POST", "/api/rooms/lobby/messages", "hello");
        assertError(503, "bus backlog", backlog);
        assertEquals(Long.toString(RETRY_AFTER_SECONDS), backlog.headers().get("Retry-After"));
    }

    @Test
    void aWrongMethodIs405WithTheOneItTakes() {
        Map<String, String> allowed = Map.of(
                "/api/rooms", "GET",
                "/api/rooms/lobby/members", "GET",
                "/api/rooms/lobby/messages", "POST");
        allowed.forEach((path, method) -> {
            for (String wrong : List.of("GET", "POST", "PUT", "DELETE", "HEAD")) {
                if (!wrong.equals(method)) {
                    OpsReply reply = call(wrong, path, "x");
                    assertError(405, "method not allowed", reply);
                    assertEquals(method, reply.headers().get("Allow"), path);
                }
            }
        });
        assertEquals(List.of(), chat.published);
    }

    @Test
    void otherPathsUnderTheApiAre404() {
        for (String path :
                List.of("/api/rooms/", "/api/rooms/lobby", "/api/rooms/lobby/messages/1", "/api/rooms/a/b/messages")) {
            assertError(404, "not found", call("GET", path, ""));
        }
    }

    @Test
    void noTokenIs401AndAWrongOneIs403AndNothingIsPublished() {
        OpsReply missing = admin.handle(request("POST", "/api/rooms/lobby/messages", "x".getBytes(), null));
        assertEquals(401, missing.status(), missing::body);
        assertTrue(missing.headers().get("WWW-Authenticate").startsWith("Bearer"));
        OpsReply wrong = admin.handle(request("GET", "/api/rooms", new byte[0], "not-" + TOKEN));
        assertEquals(403, wrong.status(), wrong::body);
        assertEquals(List.of(), chat.published);
    }
}

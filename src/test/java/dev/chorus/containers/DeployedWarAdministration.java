package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.Http;
import dev.chorus.testing.Peer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR's admin endpoints and its lifecycle in a container, with {@code chorus.admin-token} set as a server
 * system property (removed again after the class): token refusals, maintenance mode, and the 1001 that a
 * connected client gets when the application stops. Subclasses only name the container.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
abstract class DeployedWarAdministration extends DeployedWar {

    private static final String TOKEN = "container-test-" + UUID.randomUUID();

    @RegisterExtension
    static final ContainerSystemProperty ADMIN_TOKEN =
            new ContainerSystemProperty(Setting.ADMIN_TOKEN.property(), TOKEN);

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return Http.withToken(method, at("admin/" + path), TOKEN, "");
    }

    @Test
    @Order(1)
    void theAdminEndpointsRefuseNoTokenWith401AndAWrongOneWith403() throws Exception {
        for (List<String> call : List.of(
                List.of("GET", "clients"),
                List.of("GET", "maintenance"),
                List.of("PUT", "maintenance"),
                List.of("POST", "disconnect"))) {
            String method = call.get(0);
            URI uri = at("admin/" + call.get(1));
            HttpResponse<String> none = Http.send(method, uri, Map.of(), "");
            assertEquals(401, none.statusCode(), () -> method + " " + uri + ": " + none.body());
            assertTrue(
                    none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    () -> none.headers().map().toString());
            HttpResponse<String> wrong = Http.withToken(method, uri, TOKEN + "x", "");
            assertEquals(403, wrong.statusCode(), () -> method + " " + uri + ": " + wrong.body());
        }
        // Refused, so nothing happened: no maintenance, nobody disconnected.
        assertEquals("{\"maintenance\":false}", admin("GET", "maintenance").body());
        HttpResponse<String> clients = admin("GET", "clients");
        assertEquals(200, clients.statusCode(), clients::body);
    }

    @Test
    @Order(2)
    void thePublishApiSpeaksInARoomAndListsItsRoomsAndMembers() throws Exception {
        URI room = chatUri().resolve("rooms/war-news");
        try (Peer tutorial = Peer.join(room);
                V1Peer v1 = V1Peer.connect(URI.create(room + "?name=ann"));
                Peer inRoot = Peer.join(chatUri())) {
            v1.welcome();
            tutorial.expect(Peer.GREETING);
            HttpResponse<String> published =
                    Http.withToken("POST", at("admin/api/rooms/war-news/messages"), TOKEN, "hello from the backend");
            assertEquals(202, published.statusCode(), published::body);
            tutorial.expect("hello from the backend");
            JsonObject said = v1.nextSaid();
            assertEquals(0, said.getInt("from"));
            assertEquals("server", said.getString("name"));
            assertEquals("hello from the backend", said.getString("text"));
            HttpResponse<String> members = admin("GET", "api/rooms/war-news/members");
            assertEquals(200, members.statusCode(), members::body);
            assertTrue(members.body().contains("\"name\":\"ann\""), members::body);
            HttpResponse<String> rooms = admin("GET", "api/rooms");
            assertTrue(rooms.body().contains("{\"name\":\"war-news\",\"members\":2}"), rooms::body);
            Http.withToken("POST", at("admin/api/rooms/~/messages"), TOKEN, "and to the root room");
            inRoot.expect("and to the root room");
        }
    }

    @Test
    @Order(2)
    void inMaintenanceNewClientsGet503WithRetryAfterAndReadinessIs503WhileAPeerChatsOnThenOffLetsThemIn()
            throws Exception {
        try (Peer existing = Peer.join(chatUri())) {
            Scrape before = Scrape.of(at("metrics"));
            HttpResponse<String> on = admin("PUT", "maintenance");
            try {
                assertEquals("{\"maintenance\":true}", on.body());
                Handshake refused = Handshake.attempt(chatUri());
                assertEquals(503, refused.status(), refused::head);
                assertEquals("30", refused.header("Retry-After").orElse(""), refused::head);
                HttpResponse<String> ready = Http.get(at("health/ready"));
                assertEquals(503, ready.statusCode(), ready::body);
                assertEquals("{\"status\":\"DOWN\",\"reason\":\"maintenance\"}", ready.body());
                assertEquals(200, Http.get(at("health/live")).statusCode());
                existing.sayAndLearnId("still chatting in maintenance");
                Scrape during = Scrape.of(at("metrics"));
                assertEquals(
                        before.value("chorus_connections_rejected_total", "reason", "maintenance") + 1,
                        during.value("chorus_connections_rejected_total", "reason", "maintenance"),
                        during::text);
            } finally {
                assertEquals(
                        "{\"maintenance\":false}",
                        admin("DELETE", "maintenance").body());
            }
            assertEquals(200, Http.get(at("health/ready")).statusCode());
            try (Peer newcomer = Peer.join(chatUri())) {
                existing.expect(Peer.GREETING);
                newcomer.sayAndLearnId("let in again", existing);
            }
        }
    }

    /** Last: it switches the application off (and on again, for whatever runs after it). */
    @Test
    @Order(3)
    void aConnectedClientGets1001ServerShuttingDownWhenTheApplicationStops() throws Exception {
        try (Peer peer = Peer.join(chatUri())) {
            peer.sayAndLearnId("about to be stopped");
            ADMIN_TOKEN.console().disableApplication();
            try {
                CloseReason closed = peer.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(1001, closed.getCloseCode().getCode(), closed::toString);
                assertEquals("server shutting down", closed.getReasonPhrase());
            } finally {
                ADMIN_TOKEN.console().enableApplication();
            }
        }
        try (Peer after = Peer.join(chatUri())) {
            after.sayAndLearnId("back after the restart");
        }
    }
}

package dev.chorus.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Maintenance mode through the admin endpoint: newcomers get 503 before the upgrade, the others chat on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MaintenanceTest {

    private static final String TOKEN = "maintenance-test-token";

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private ChorusServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(
                Map.of(Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN, Setting.RETRY_AFTER, "2m"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> maintenance(String method) throws Exception {
        return Http.withToken(method, server.adminUri().orElseThrow().resolve("maintenance"), TOKEN, "");
    }

    private URI health(String which) {
        return server.pageUri().resolve("/health/" + which);
    }

    @Test
    void inMaintenanceNewClientsGet503WithRetryAfterWhileExistingOnesStay() throws Exception {
        try (Peer existing = Peer.join(server.uri())) {
            assertEquals(200, Http.get(health("ready")).statusCode());
            HttpResponse<String> on = maintenance("PUT");
            assertEquals("{\"maintenance\":true}", on.body());
            log.await("Maintenance mode on: new clients get 503");

            Handshake refused = Handshake.attempt(server.uri());
            assertEquals(503, refused.status(), refused::head);
            assertEquals("120", refused.header("Retry-After").orElse(""), refused::head);
            existing.sayAndLearnId("still here");
            HttpResponse<String> ready = Http.get(health("ready"));
            assertEquals(503, ready.statusCode());
            assertEquals("{\"status\":\"DOWN\",\"reason\":\"maintenance\"}", ready.body());
            assertEquals(200, Http.get(health("live")).statusCode());
            Scrape metrics = Scrape.of(server.pageUri().resolve("/metrics"));
            assertEquals(1, metrics.value("chorus_connections_rejected_total", "reason", "maintenance"));

            assertEquals("{\"maintenance\":false}", maintenance("DELETE").body());
            try (Peer newcomer = Peer.join(server.uri())) {
                existing.expect(Peer.GREETING);
                newcomer.sayAndLearnId("let in again");
            }
            assertEquals(200, Http.get(health("ready")).statusCode());
        }
    }

    @Test
    void healthAnswersSmallJsonAtItsSettingsPath() throws Exception {
        HttpResponse<String> live = Http.get(health("live"));
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\"}", live.body());
        assertTrue(live.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(404, Http.get(health("elsewhere")).statusCode());
        try (ChorusServer moved = TestServers.start(Map.of(Setting.HEALTH_PATH, "/status"));
                ChorusServer off = TestServers.start(Map.of(Setting.HEALTH_PATH, "off"))) {
            assertEquals(200, Http.get(moved.pageUri().resolve("/status/ready")).statusCode());
            assertEquals(404, Http.get(off.pageUri().resolve("/health/live")).statusCode());
        }
    }
}

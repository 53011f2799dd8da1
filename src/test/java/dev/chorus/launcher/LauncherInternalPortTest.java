package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.InvalidSettingException;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Http;
import dev.chorus.testing.Peer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --internal-port}: metrics (JVM metrics included), health and admin on a listener of their own, as an
 * operator puts them behind a firewall, and no longer on the public chat port.
 */
class LauncherInternalPortTest {

    private static final String TOKEN = "internal-secret";

    @Test
    void metricsHealthAndAdminAreServedOnTheInternalPortAndNotOnThePublicOne() throws Exception {
        Map<Setting, String> settings = Map.of(Setting.INTERNAL_PORT, "0", Setting.ADMIN_TOKEN, TOKEN);
        try (ChorusServer server = TestServers.start(settings);
                Peer peer = Peer.join(server.uri())) {
            URI internal = server.internalUri().orElseThrow();
            assertEquals("127.0.0.1", internal.getHost(), "--internal-host defaults to loopback");
            peer.sayAndLearnId("the chat works beside it");

            Scrape metrics = Scrape.of(internal.resolve("metrics"));
            assertEquals(1, metrics.value("chorus_connections_open"), metrics::text);
            assertTrue(metrics.text().contains("\njvm_memory_used_bytes{"), "JVM metrics too");
            assertEquals(200, Http.get(internal.resolve("health/live")).statusCode());
            assertEquals(200, Http.get(internal.resolve("health/ready")).statusCode());
            assertEquals(
                    200,
                    Http.withToken("GET", internal.resolve("clients"), TOKEN, "")
                            .statusCode());
            assertEquals(401, Http.get(internal.resolve("clients")).statusCode(), "still behind the token");
            assertEquals(server.adminUri(), server.internalUri());

            URI page = server.pageUri();
            assertEquals(404, Http.get(page.resolve("/metrics")).statusCode());
            assertEquals(404, Http.get(page.resolve("/health/live")).statusCode());
            assertEquals(404, Http.get(page.resolve("/clients")).statusCode());
            assertEquals(200, Http.get(page).statusCode(), "the page stays on the public port");
        }
    }

    @Test
    void withoutAnAdminTokenTheInternalPortServesMetricsAndHealthOnly() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.INTERNAL_PORT, "0"))) {
            URI internal = server.internalUri().orElseThrow();
            assertEquals(200, Http.get(internal.resolve("metrics")).statusCode());
            assertEquals(
                    404,
                    Http.withToken("GET", internal.resolve("clients"), TOKEN, "")
                            .statusCode());
            assertTrue(server.adminUri().isEmpty());
        }
    }

    @Test
    void anAdminPortBesideAnInternalPortIsRefusedNamingBoth() {
        InvalidSettingException refused = assertThrows(
                InvalidSettingException.class,
                () -> TestServers.start(
                        Map.of(Setting.INTERNAL_PORT, "0", Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN)));
        assertTrue(refused.getMessage().contains("--admin-port"), refused.getMessage());
        assertTrue(refused.getMessage().contains("--internal-port"), refused.getMessage());
    }
}

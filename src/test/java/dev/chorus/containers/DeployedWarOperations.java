package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.DocumentedMetrics;
import dev.chorus.testing.Http;
import dev.chorus.testing.Peer;
import dev.chorus.testing.Scrape;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Metrics and health of the built WAR, under its context path ({@code /chorus/metrics},
 * {@code /chorus/health/...}), with the same names as the launcher's ({@link DocumentedMetrics}, shared with
 * the launcher's MetricsTest); the admin endpoints are absent without a token. Subclasses only name the container.
 */
abstract class DeployedWarOperations extends DeployedWar {

    @Test
    void metricsUnderTheContextPathCountAClientThatSaysSomething() throws Exception {
        URI metrics = at("metrics");
        assertEquals("/chorus/metrics", metrics.getPath(), "under the context path");
        Scrape before = Scrape.of(metrics);
        try (Peer peer = Peer.join(chatUri())) {
            peer.sayAndLearnId("counted in the container");
            Scrape during = Scrape.of(metrics);
            assertEquals(
                    before.value("chorus_messages_received_total", "type", "text") + 1,
                    during.value("chorus_messages_received_total", "type", "text"),
                    during::text);
            assertTrue(during.value("chorus_connections_open") >= 1, during::text);
            assertTrue(during.text().contains("\nchorus_broadcast_fanout_seconds_bucket{"), during::text);
        }
    }

    /** The launcher's MetricsTest runs the same session with every figure; here, what no other test moves. */
    @Test
    void aClientThatJoinsSaysThreeThingsAndLeavesIsCounted() throws Exception {
        URI metrics = at("metrics");
        Scrape before = Scrape.of(metrics);
        Peer peer = Peer.join(chatUri());
        int id = peer.sayAndLearnId("one");
        for (String text : java.util.List.of("two", "three")) {
            peer.say(text);
            peer.expect("Client(" + id + ") said: " + text);
        }
        peer.close();
        Scrape after = Scrape.awaitValue(
                metrics,
                before.value("chorus_closes_total", "code", "1000") + 1,
                "chorus_closes_total",
                "code",
                "1000");
        for (String[] moved : new String[][] {
            {"1", "chorus_connections_accepted_total"},
            {"3", "chorus_messages_received_total", "type", "text"},
            {"11", "chorus_received_bytes_total", "type", "text"},
            {"0", "chorus_messages_received_total", "type", "binary"},
            {"4", "chorus_broadcast_fanout_seconds_count"}
        }) {
            String[] labels = java.util.Arrays.copyOfRange(moved, 2, moved.length);
            assertEquals(
                    before.value(moved[1], labels) + Double.parseDouble(moved[0]),
                    after.value(moved[1], labels),
                    () -> String.join(" ", moved) + "\n" + after.text());
        }
    }

    @Test
    void everyDocumentedMetricIsExportedOnceAClientHasComeAndGone() throws Exception {
        URI metrics = at("metrics");
        double closed = Scrape.of(metrics).value("chorus_closes_total", "code", "1000");
        Peer peer = Peer.join(chatUri());
        peer.sayAndLearnId("here and gone");
        peer.close();
        DocumentedMetrics.assertAllIn(Scrape.awaitValue(metrics, closed + 1, "chorus_closes_total", "code", "1000"));
    }

    @Test
    void liveAndReadyAnswer200WithSmallJson() throws Exception {
        HttpResponse<String> live = Http.get(at("health/live"));
        assertEquals(200, live.statusCode(), live::body);
        assertEquals("{\"status\":\"UP\"}", live.body());
        HttpResponse<String> ready = Http.get(at("health/ready"));
        assertEquals(200, ready.statusCode(), ready::body);
        assertEquals("{\"status\":\"UP\"}", ready.body());
    }

    @Test
    void theAdminEndpointsAreAbsentWithoutAToken() throws Exception {
        assertEquals(404, Http.get(at("admin/clients")).statusCode());
    }
}

package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two launchers in one JVM, with different settings, are two separate rooms: each numbers its own clients from
 * 1, hears only its own clients, applies its own limits and counts only its own traffic. Nothing about a room
 * is looked up globally; each server hands its room to whatever needs it.
 */
class TwoServersTest {

    private static final int SMALL_LIMIT = 64;

    @Test
    void twoServersInOneJvmKeepTheirClientsLimitsAndMetricsApart() throws Exception {
        try (ChorusServer small = TestServers.start(Map.of(Setting.MAX_MESSAGE_BYTES, Integer.toString(SMALL_LIMIT)));
                ChorusServer roomy = TestServers.start(Map.of());
                Peer smallOne = Peer.join(small.uri());
                Peer roomyOne = Peer.join(roomy.uri())) {
            String longer = "x".repeat(SMALL_LIMIT * 2);

            // Each room numbers its own clients, and a message goes to its own room only.
            assertEquals(1, smallOne.sayAndLearnId("hello small"));
            assertEquals(1, roomyOne.sayAndLearnId("hello roomy"));
            roomyOne.say(longer);
            roomyOne.expect("Client(1) said: " + longer);

            // The small room's limit is its own: the same text closes its sender there with 1009.
            Peer.racingTheClose(() -> smallOne.say(longer));
            CloseReason closed = smallOne.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1009, closed.getCloseCode().getCode(), closed::toString);

            // The roomy room heard nothing of it, and each room's metrics count its own clients and closes.
            roomyOne.say("still here");
            roomyOne.expect("Client(1) said: still here");
            Scrape smallMetrics = Scrape.awaitValue(metrics(small), 1, "chorus_closes_total", "code", "1009");
            Scrape roomyMetrics = Scrape.of(metrics(roomy));
            assertEquals(1, smallMetrics.value("chorus_connections_accepted_total"));
            assertEquals(1, roomyMetrics.value("chorus_connections_accepted_total"));
            assertEquals(0, roomyMetrics.sum("chorus_closes_total"), roomyMetrics::text);
            assertEquals(1, roomyMetrics.value("chorus_connections_open"));
            assertEquals(1, roomy.room().audience().size());
        }
    }

    private static URI metrics(ChorusServer server) {
        return server.pageUri().resolve("/metrics");
    }
}

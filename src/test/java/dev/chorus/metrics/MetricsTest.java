package dev.chorus.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.DocumentedMetrics;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The launcher's {@code /metrics}: scripted sessions move exactly the counters they should. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsTest {

    private static final String GREETING = Peer.GREETING;

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private static URI metrics(ChorusServer server) {
        return server.pageUri().resolve("/metrics");
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aClientThatJoinsSaysThreeThingsAndLeavesIsCountedExactly() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            Scrape before = Scrape.of(metrics(server));
            Peer peer = Peer.join(server.uri());
            int id = peer.sayAndLearnId("one");
            for (String text : List.of("two", "three")) {
                peer.say(text);
                peer.expect("Client(" + id + ") said: " + text);
            }
            Scrape during = Scrape.of(metrics(server));
            assertEquals(1, during.value("chorus_connections_open"));
            peer.close();
            log.await("Client(" + id + ") disconnected");

            Scrape after = Scrape.awaitValue(
                    metrics(server),
                    before.value("chorus_messages_sent_total", "type", "text") + 4,
                    "chorus_messages_sent_total",
                    "type",
                    "text");
            int saidBytes = 0;
            for (String text : List.of("one", "two", "three")) {
                saidBytes += utf8("Client(" + id + ") said: " + text);
            }
            assertMoved(before, after, 1, "chorus_connections_accepted_total");
            assertMoved(before, after, 3, "chorus_messages_received_total", "type", "text");
            assertMoved(before, after, utf8("onetwothree"), "chorus_received_bytes_total", "type", "text");
            assertMoved(before, after, utf8(GREETING) + saidBytes, "chorus_sent_bytes_total", "type", "text");
            assertMoved(before, after, 0, "chorus_messages_received_total", "type", "binary");
            assertMoved(before, after, 4, "chorus_broadcast_fanout_seconds_count");
            assertMoved(before, after, 1, "chorus_closes_total", "code", "1000");
            assertEquals(0, after.value("chorus_connections_open"), after::text);
            assertEquals(0, after.value("chorus_outbox_queued_bytes"), after::text);
        }
    }

    @Test
    void aSlowConsumerIsCountedAsAnEvictionAndAClose1008() throws Exception {
        try (ChorusServer server = TestServers.start(
                        Map.of(Setting.OUTBOX_BYTES, "262144", Setting.MESSAGE_RATE, "0", Setting.BYTE_RATE, "0"));
                Peer sender = Peer.join(server.uri())) {
            RawSocket stalled = RawSocket.upgrade(server.uri(), 4096);
            Scrape before = Scrape.of(metrics(server));
            String big = "z".repeat(16 * 1024);
            for (int i = 0; i < 600; i++) {
                sender.say(i + big);
            }
            log.awaitMatching(Pattern.compile(" is a slow consumer, its outbox overflowed"), 1);
            assertEquals(1008, stalled.readUntilClose().getCloseCode().getCode());
            stalled.close();
            Scrape after = Scrape.awaitValue(
                    metrics(server),
                    before.value("chorus_closes_total", "code", "1008") + 1,
                    "chorus_closes_total",
                    "code",
                    "1008");
            assertMoved(before, after, 1, "chorus_slow_consumers_evicted_total", "reason", "outbox_overflow");
            assertMoved(before, after, 0, "chorus_slow_consumers_evicted_total", "reason", "write_timeout");
        }
    }

    @Test
    void closeCodesOfTheClientsOwnAreCountedFoldedByThousand() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            for (int code : new int[] {3000, 3999, 4000, 4321, 4999}) {
                try (RawSocket client = RawSocket.upgrade(server.uri())) {
                    client.sendFrame(0x88, new byte[] {(byte) (code >> 8), (byte) code});
                    assertEquals(code, client.readUntilClose().getCloseCode().getCode());
                }
            }
            Scrape.awaitValue(metrics(server), 2, "chorus_closes_total", "code", "3xxx");
            Scrape after = Scrape.awaitValue(metrics(server), 3, "chorus_closes_total", "code", "4xxx");
            assertTrue(!after.text().contains("code=\"4321\""), after::text);
        }
    }

    @Test
    void aClientThatNeverPongsIsCountedAsAMissedPong() throws Exception {
        Map<Setting, String> fastHeartbeat = Map.of(Setting.PING_INTERVAL, "200ms", Setting.PONG_TIMEOUT, "400ms");
        try (ChorusServer server = TestServers.start(fastHeartbeat);
                RawSocket silent = RawSocket.upgrade(server.uri())) {
            assertEquals(1001, silent.readUntilClose().getCloseCode().getCode());
            Scrape after = Scrape.awaitValue(metrics(server), 1, "chorus_pongs_missed_total");
            assertTrue(after.value("chorus_pings_sent_total") >= 1, after::text);
        }
    }

    @Test
    void aConnectionThatHasNotSentItsRequestIsAPendingHandshakeUntilItGoes() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            // The scraping connection itself waits for its next request too: counted relative to it.
            double before = Scrape.of(metrics(server)).value("chorus_handshakes_pending");
            try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                Scrape.awaitValue(metrics(server), before + 1, "chorus_handshakes_pending");
                assertTrue(idle.isConnected());
            }
            Scrape.awaitValue(metrics(server), before, "chorus_handshakes_pending");
        }
    }

    @Test
    void everyDocumentedMetricIsExportedOnceAClientHasComeAndGone() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            Peer peer = Peer.join(server.uri());
            peer.sayAndLearnId("here and gone");
            peer.close();
            Scrape after = Scrape.awaitValue(metrics(server), 1, "chorus_closes_total", "code", "1000");
            DocumentedMetrics.assertAllIn(after);
            // Two sources of reasons share one name, and one HELP text that fits both.
            assertTrue(
                    after.text()
                            .contains("# HELP chorus_connections_rejected_total New clients turned away before the"
                                    + " upgrade, by reason: maintenance, draining or bus-down (503 with Retry-After),"
                                    + " or http-STATUS"),
                    after::text);
        }
    }

    @Test
    void theMetricsPathIsASettingAndOffMeansNowhere() throws Exception {
        try (ChorusServer moved = TestServers.start(Map.of(Setting.METRICS_PATH, "/stats"));
                ChorusServer off = TestServers.start(Map.of(Setting.METRICS_PATH, "off"))) {
            assertTrue(Scrape.of(moved.pageUri().resolve("/stats")).text().contains("chorus_connections_open"));
            assertEquals(404, Http.get(metrics(moved)).statusCode());
            assertEquals(404, Http.get(metrics(off)).statusCode());
        }
    }

    private static void assertMoved(Scrape before, Scrape after, double by, String name, String... labels) {
        assertEquals(
                by,
                after.value(name, labels) - before.value(name, labels),
                () -> name + " " + List.of(labels) + " moved by the wrong amount:\n" + after.text());
    }
}

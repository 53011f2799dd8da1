package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.ClosesContract;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Launched;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.ServerSockets;
import dev.chorus.testing.TestServers;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every close the server starts ends the TCP connection within {@code --close-timeout}, even when the client
 * reads nothing after its 101 and never answers the close: the server's socket is gone (reset, its send queue
 * dropped) and the connection's place under the caps is free again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherClosesTest implements ClosesContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    private static final String CLOSE_TIMEOUT = "500ms";
    private static final String BIG = "z".repeat(16 * 1024);

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void slowConsumersThatNeverReadAreCutAndNewClientsTakeTheirPlacesUnderTheCap() throws Exception {
        Map<Setting, String> settings = Map.of(
                Setting.MAX_CONNECTIONS_PER_ADDRESS, "3",
                Setting.OUTBOX_BYTES, "262144",
                Setting.MESSAGE_RATE, "0",
                Setting.BYTE_RATE, "0",
                Setting.CLOSE_TIMEOUT, CLOSE_TIMEOUT);
        try (ChorusServer server = TestServers.start(settings);
                Peer sender = Peer.join(server.uri());
                RawSocket first = RawSocket.upgrade(server.uri(), 4096);
                RawSocket second = RawSocket.upgrade(server.uri(), 4096)) {
            for (int i = 0; i < 600; i++) {
                sender.say(i + BIG);
            }
            log.awaitMatching(Pattern.compile(" is a slow consumer, its outbox overflowed"), 2);
            // Neither has read a byte since its 101: only the server can have ended these connections.
            ServerSockets.awaitLetGo(server.port(), first.localPort());
            ServerSockets.awaitLetGo(server.port(), second.localPort());
            List<RawSocket> newcomers = new ArrayList<>();
            try {
                newcomers.add(RawSocket.upgrade(server.uri()));
                newcomers.add(RawSocket.upgrade(server.uri()));
            } finally {
                for (RawSocket newcomer : newcomers) {
                    newcomer.close();
                }
            }
            assertTrue(first.drainsToTheEnd(), "the first slow consumer's connection is still open");
            assertTrue(second.drainsToTheEnd(), "the second slow consumer's connection is still open");
            Scrape.awaitValue(server.pageUri().resolve("/metrics"), 0, "chorus_closes_pending");
        }
    }

    @Test
    void aClientThatNeverAnswersAPingOrTheCloseIsCut() throws Exception {
        Map<Setting, String> settings = Map.of(
                Setting.PING_INTERVAL, "200ms",
                Setting.PONG_TIMEOUT, "400ms",
                Setting.CLOSE_TIMEOUT, CLOSE_TIMEOUT);
        try (ChorusServer server = TestServers.start(settings);
                RawSocket silent = RawSocket.upgrade(server.uri())) {
            log.awaitMatching(Pattern.compile("did not answer a ping within"), 1);
            ServerSockets.awaitLetGo(server.port(), silent.localPort());
            assertEquals(1001, silent.readUntilClose().getCloseCode().getCode());
            assertTrue(silent.drainsToTheEnd(), "the connection is still open after the close frame");
        }
    }

    @Test
    void aClientRefusedForAnUnmaskedFrameWhileItReadsNothingIsCut() throws Exception {
        // Its outbox may hold all of the flood, and a write may wait long: only the close ends it.
        Map<Setting, String> settings = Map.of(
                Setting.OUTBOX_BYTES, Integer.toString(64 * 1024 * 1024),
                Setting.OUTBOX_MESSAGES, "100000",
                Setting.WRITE_TIMEOUT, "60s",
                Setting.MESSAGE_RATE, "0",
                Setting.BYTE_RATE, "0",
                Setting.CLOSE_TIMEOUT, CLOSE_TIMEOUT);
        try (ChorusServer server = TestServers.start(settings);
                Peer sender = Peer.join(server.uri());
                RawSocket stalled = RawSocket.upgrade(server.uri(), 4096)) {
            URI metrics = server.pageUri().resolve("/metrics");
            for (int i = 0; i < 300; i++) {
                sender.say(i + BIG);
            }
            awaitQueued(metrics);
            stalled.sendFrame(0x81, "unmasked".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            log.awaitMatching(Pattern.compile("Closing 127\\.0\\.0\\.1: .*\\(1002\\)"), 1);
            ServerSockets.awaitLetGo(server.port(), stalled.localPort());
            assertTrue(stalled.drainsToTheEnd(), "the connection is still open");
        }
    }

    /** Until the stalled client's outbox holds what it cannot take: its writes are stuck. */
    private static void awaitQueued(URI metrics) throws IOException, InterruptedException {
        Scrape.awaitAtLeast(
                metrics,
                1,
                "bytes queued for the client that does not read",
                scrape -> scrape.value("chorus_outbox_queued_bytes"));
    }
}

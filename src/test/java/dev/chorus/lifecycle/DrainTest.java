package dev.chorus.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.Http;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping the launcher drains: newcomers get 503 and readiness says 503 while queued messages still go out;
 * each client gets 1001 after its last message; a client that never reads is cut at the drain timeout.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DrainTest {

    private static final int MESSAGES = 200;
    private static final String BIG = "d".repeat(16 * 1024);
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;

    @RegisterExtension
    final LogRecords log = new LogRecords();

    /** Room for everything in the outbox, and no eviction or heartbeat while the test holds a reader back. */
    private static Map<Setting, String> patient(String drainTimeout) {
        return Map.of(
                Setting.MESSAGE_RATE,
                "0",
                Setting.BYTE_RATE,
                "0",
                Setting.DRAIN_TIMEOUT,
                drainTimeout,
                Setting.OUTBOX_BYTES,
                "67108864",
                Setting.OUTBOX_MESSAGES,
                "100000",
                Setting.WRITE_TIMEOUT,
                "10m",
                Setting.PING_INTERVAL,
                "10m");
    }

    @Test
    void queuedMessagesGoOutBefore1001WhileNewcomersAndReadinessGet503() throws Exception {
        ChorusServer server = TestServers.start(patient("60s"));
        URI ready = server.pageUri().resolve("/health/ready");
        RawSocket slow = RawSocket.joinedSlowReader(server.uri());
        Peer sender = Peer.join(server.uri());
        sender.floodAndHearBack(MESSAGES, BIG);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
        log.awaitMatching(Pattern.compile("^Draining 2 clients for at most"), 1);
        CloseReason senderClosed = sender.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1001, senderClosed.getCloseCode().getCode(), "its outbox was empty: closed at once");
        HttpResponse<String> notReady = Http.get(ready);
        assertEquals(503, notReady.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"reason\":\"draining\"}", notReady.body());
        assertEquals(503, Handshake.attempt(server.uri()).status());

        int said = 0;
        RawSocket.Frame frame = slow.readFrame();
        while (frame.opcode() != CLOSE) {
            said += frame.opcode() == TEXT && frame.text().endsWith(BIG) ? 1 : 0;
            frame = slow.readFrame();
        }
        assertEquals(MESSAGES, said, "every queued message before the close");
        assertEquals(1001, ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF));
        slow.close();
        stopped.get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        log.await("Drained: every client had its queued messages and a 1001 close");
    }

    @Test
    void aClientThatNeverReadsIsCutWhenTheDrainTimesOut() throws Exception {
        ChorusServer server = TestServers.start(patient("1s"));
        RawSocket stalled = RawSocket.joinedSlowReader(server.uri());
        Peer sender = Peer.join(server.uri());
        sender.floodAndHearBack(MESSAGES, BIG);
        CompletableFuture.runAsync(server::close).get(Peer.WAIT.toSeconds() * 3, TimeUnit.SECONDS);
        log.awaitMatching(Pattern.compile("^Drain timed out after PT1S: closed 1 clients with \\d+ bytes"), 1);
        sender.close();
        stalled.close();
    }
}

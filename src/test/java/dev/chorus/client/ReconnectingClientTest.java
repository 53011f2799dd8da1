package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.notation.Durations;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RecordingListener;
import dev.chorus.testing.SilentServer;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The long-running client: callbacks, reconnecting with backoff, pings, stopping. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectingClientTest {

    private static final ClientOptions OPTIONS = ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT);
    private static final Backoff QUICKLY = Backoff.exponential(Duration.ofMillis(50), Duration.ofMillis(400));

    /**
     * QUICKLY's bounds drawing from a seeded source: a second one made the same way draws the same waits, so a
     * test can say which wait the client must report for each attempt.
     */
    private static Backoff seeded() {
        return Backoff.exponential(Duration.ofMillis(50), Duration.ofMillis(400), new SplittableRandom(17));
    }

    private static String reconnecting(int attempt, Backoff twin) {
        return "reconnecting " + attempt + " after "
                + Durations.format(twin.delay(attempt).orElseThrow());
    }

    @Test
    void itReconnectsAfterTheServerRestartsOnTheSamePort() throws Exception {
        RecordingListener events = new RecordingListener();
        ChorusServer first = TestServers.start(Map.of());
        int port = first.port();
        try (ReconnectingClient client = ReconnectingClient.start(first.uri(), OPTIONS, seeded(), Pings.NONE, events)) {
            events.expect("open");
            events.expect("text " + Peer.GREETING);
            first.close();
            events.expect("close 1001 server shutting down");
            events.expect(reconnecting(1, seeded())); // after a lost connection: the first wait
            try (ChorusServer second = TestServers.start(Map.of(Setting.PORT, String.valueOf(port)))) {
                assertEquals(first.uri(), second.uri());
                events.skipTo("open"); // after as many refused attempts as the restart took
                events.expect("text " + Peer.GREETING);
                client.connection().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                client.send("back again");
                events.expect("text Client(1) said: back again");
                CloseReason last = client.stop(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"))
                        .get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                events.expect("close 1000 done");
                assertEquals(1000, last.getCloseCode().getCode());
                assertTrue(client.stopRequested());
            }
        }
    }

    @Test
    void withoutReconnectingTheServersCloseFinishesTheClient() throws Exception {
        RecordingListener events = new RecordingListener();
        ChorusServer server = TestServers.start(Map.of());
        ReconnectingClient client = ReconnectingClient.start(server.uri(), OPTIONS, Backoff.none(), Pings.NONE, events);
        events.expect("open");
        events.expect("text " + Peer.GREETING); // joined the room: the server's stop will close it with 1001
        server.close();
        CloseReason last = client.finished().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1001, last.getCloseCode().getCode());
        assertFalse(client.stopRequested());
        assertThrows(ExecutionException.class, () -> client.connection().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void withoutReconnectingAFailedConnectFinishesTheClientWithTheFailure() throws Exception {
        RecordingListener events = new RecordingListener();
        URI nobody = URI.create("ws://127.0.0.1:" + freePort() + "/");
        ReconnectingClient client = ReconnectingClient.start(nobody, OPTIONS, Backoff.none(), Pings.NONE, events);
        ExecutionException failed = assertThrows(
                ExecutionException.class, () -> client.finished().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS));
        ConnectFailure failure = assertInstanceOf(ConnectFailure.class, failed.getCause());
        assertEquals(ConnectFailure.Kind.UNREACHABLE, failure.kind());
        events.expect("error " + failure.getMessage());
    }

    @Test
    void aFailedFirstConnectIsRetriedWithTheBackoffsWaitForTheFirstAttemptThenForEachNextOne() throws Exception {
        RecordingListener events = new RecordingListener();
        URI nobody = URI.create("ws://127.0.0.1:" + freePort() + "/");
        ReconnectingClient client = ReconnectingClient.start(nobody, OPTIONS, seeded(), Pings.NONE, events);
        Backoff twin = seeded();
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(reconnecting(attempt, twin), events.skipTo("reconnecting"));
            }
        } finally {
            client.stop(CloseReasons.CLIENT_DONE).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void stoppingWhileNothingListensEndsTheRetries() throws Exception {
        RecordingListener events = new RecordingListener();
        URI nobody = URI.create("ws://127.0.0.1:" + freePort() + "/");
        ReconnectingClient client = ReconnectingClient.start(nobody, OPTIONS, QUICKLY, Pings.NONE, events);
        events.skipTo("reconnecting 2");
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "never mind");
        assertEquals(reason, client.stop(reason).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void pingsAreSentAtTheIntervalAndTheirPongsReported() throws Exception {
        RecordingListener events = new RecordingListener();
        Pings pings = Pings.every(Duration.ofMillis(50), Peer.WAIT);
        try (ChorusServer server = TestServers.start(Map.of());
                ReconnectingClient client =
                        ReconnectingClient.start(server.uri(), OPTIONS, Backoff.none(), pings, events)) {
            events.expect("open");
            events.expect("text " + Peer.GREETING);
            events.expect("pong 6 bytes");
            events.expect("pong 6 bytes");
            assertTrue(client.connection().getNow(null).isOpen());
        }
    }

    @Test
    void aServerThatStopsAnsweringPingsIsClosedAsGone() throws Exception {
        RecordingListener events = new RecordingListener();
        Pings pings = Pings.every(Duration.ofMillis(50), Duration.ofMillis(200));
        try (SilentServer silent = SilentServer.start()) {
            ReconnectingClient client = ReconnectingClient.start(silent.uri(), OPTIONS, Backoff.none(), pings, events);
            events.expect("open");
            events.expect("close 1001 no pong");
            assertEquals(
                    1001,
                    client.finished()
                            .get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS)
                            .getCloseCode()
                            .getCode());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}

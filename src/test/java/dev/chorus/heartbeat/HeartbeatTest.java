package dev.chorus.heartbeat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's heartbeat against real sockets: one that never pongs, one that does, a Tyrus client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeartbeatTest {

    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final int CLOSE = 0x8;
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private ChorusServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(
                Setting.PING_INTERVAL, INTERVAL.toMillis() + "ms", Setting.PONG_TIMEOUT, TIMEOUT.toMillis() + "ms"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientThatNeverAnswersPingsIsClosedWith1001AfterIntervalAndTimeoutWhileLiveOnesStay() throws Exception {
        try (Peer live = Peer.join(server.uri())) {
            // Before the upgrade, so before the server starts watching it: its first ping is due an interval
            // after that, and the close a timeout after the ping.
            long before = System.nanoTime();
            try (RawSocket silent = RawSocket.upgrade(server.uri())) {
                live.expect(Peer.GREETING);
                List<String> watchedWhenPinged = null;
                RawSocket.Frame frame = silent.readFrame();
                while (frame.opcode() != CLOSE) {
                    if (frame.opcode() == PING && watchedWhenPinged == null) {
                        watchedWhenPinged = watched();
                    }
                    frame = silent.readFrame();
                }
                Duration closedAfter = Duration.ofNanos(System.nanoTime() - before);
                assertTrue(watchedWhenPinged != null, "the server pinged before giving up");
                assertEquals(2, watchedWhenPinged.size(), watchedWhenPinged::toString);
                assertEquals(1001, ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF));
                assertEquals(
                        "pong timeout",
                        new String(frame.payload(), 2, frame.payload().length - 2, StandardCharsets.UTF_8));
                assertTrue(
                        closedAfter.compareTo(INTERVAL.plus(TIMEOUT)) >= 0,
                        () -> "closed " + closedAfter.toMillis() + " ms after connecting, before interval + timeout");
            }
            log.awaitMatching(Pattern.compile("did not answer a ping within"), 1);
            assertTrue(live.client().isOpen(), "the Tyrus client answers pings and stays");
            int id = live.sayAndLearnId("still here");
            assertEquals(List.of("Client(" + id + ")"), watched(), "nothing is left of the closed one");
        }
    }

    @Test
    void aClientThatLeavesLeavesNothingForTheHeartbeat() throws Exception {
        int id;
        try (Peer peer = Peer.join(server.uri())) {
            id = peer.sayAndLearnId("here for a moment");
            assertEquals(List.of("Client(" + id + ")"), watched());
        }
        log.await("Client(" + id + ") disconnected"); // logged once it is forgotten
        assertEquals(List.of(), watched());
    }

    @Test
    void anIdleClientThatAnswersEveryPingIsNeverClosed() throws Exception {
        try (RawSocket idle = RawSocket.upgrade(server.uri())) {
            int pongs = 0;
            while (pongs < 8) {
                RawSocket.Frame frame = idle.readFrame();
                assertTrue(frame.opcode() != CLOSE, () -> "closed although it answered: " + frame.text());
                if (frame.opcode() == PING) {
                    idle.sendPong(frame.payload());
                    pongs++;
                }
            }
            idle.sendText("alive");
            RawSocket.Frame echo = idle.readFrame();
            while (echo.opcode() == PING) {
                idle.sendPong(echo.payload());
                echo = idle.readFrame();
            }
            assertTrue(echo.text().endsWith(" said: alive"), echo::text);
        }
    }

    @Test
    void aClientsPingIsAnsweredWithTheSamePayload() throws Exception {
        try (RawSocket client = RawSocket.upgrade(server.uri())) {
            byte[] payload = "are you there".getBytes(StandardCharsets.UTF_8);
            client.sendPing(payload);
            RawSocket.Frame frame = client.readFrame();
            while (frame.opcode() != PONG) {
                if (frame.opcode() == PING) {
                    client.sendPong(frame.payload());
                }
                frame = client.readFrame();
            }
            assertArrayEquals(payload, frame.payload());
        }
    }

    /**
     * The members the heartbeat goes over, by name: those in the audience with their liveness. Nothing
     * is scheduled per connection (one housekeeper round covers everyone), so this is all the state it keeps.
     */
    private List<String> watched() {
        List<String> names = new ArrayList<>();
        server.room().audience().forEach(session -> Connection.of(session)
                .map(Connection::liveness)
                .ifPresent(liveness -> names.add(Audience.nameOf(session))));
        return names;
    }
}

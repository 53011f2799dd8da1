package dev.chorus.heartbeat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestServers;
import java.nio.charset.StandardCharsets;
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

    @RegisterExtension
    final LogRecords log = new LogRecords();

    private ChorusServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of(Setting.PING_INTERVAL, "200ms", Setting.PONG_TIMEOUT, "2s"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientThatNeverAnswersPingsIsClosedWith1001WhileLiveOnesStay() throws Exception {
        try (Peer live = Peer.join(server.uri());
                RawSocket silent = RawSocket.upgrade(server.uri())) {
            live.expect(Peer.GREETING);
            boolean pinged = false;
            RawSocket.Frame frame = silent.readFrame();
            while (frame.opcode() != CLOSE) {
                pinged |= frame.opcode() == PING;
                frame = silent.readFrame();
            }
            assertTrue(pinged, "the server pinged before giving up");
            assertEquals(1001, ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF));
            assertEquals(
                    "pong timeout", new String(frame.payload(), 2, frame.payload().length - 2, StandardCharsets.UTF_8));
            log.awaitMatching(Pattern.compile("did not answer a ping within"), 1);
            assertTrue(live.client().isOpen(), "the Tyrus client answers pings and stays");
            live.sayAndLearnId("still here");
        }
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
}

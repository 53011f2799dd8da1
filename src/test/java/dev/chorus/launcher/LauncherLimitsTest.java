package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.LimitsContract;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Launched;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limits contract against the real launcher with its default settings, and what raising them does. */
class LauncherLimitsTest implements LimitsContract {

    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void eachLimitCrossedIsLoggedAndCountedByReason() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                RawSocket tooBig = RawSocket.upgrade(server.uri());
                RawSocket tooFast = RawSocket.upgrade(server.uri())) {
            tooBig.sendFrame(0x82, new byte[70_000]);
            tooBig.readUntilClose();
            tooFast.sendTextsAtOnce(java.util.Collections.nCopies(FLOOD, "fast"));
            tooFast.readUntilClose();
            URI metrics = server.pageUri().resolve("/metrics");
            Scrape.awaitValue(metrics, 1, "chorus_limits_crossed_total", "reason", "message-too-big");
            Scrape.awaitValue(metrics, 1, "chorus_limits_crossed_total", "reason", "rate-limit-exceeded");
            // The frame refused from its header is closed through Tyrus, so the close is counted by its code too.
            Scrape.awaitValue(metrics, 1, "chorus_closes_total", "code", "1009");
            Scrape.awaitValue(metrics, 1, "chorus_closes_total", "code", "1008");
            log.awaitMatching(Pattern.compile("Closing 127\\.0\\.0\\.1: message too big \\(1009\\)"), 1);
            log.awaitMatching(
                    Pattern.compile("Client\\(\\d+\\) crossed a limit: closing it with 1008 rate limit exceeded"), 1);
        }
    }

    /**
     * With a byte rate of 1 byte/s and a burst of 1 byte, the bucket holds one largest message (64 KiB) and refills too slowly to
     * matter: the first 64 KiB message is broadcast, the next one is refused as it arrives, and counted.
     */
    @Test
    void aClientOverItsByteRateIsClosedWith1008AndWhatItSentThenReachesNobody() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.BYTE_RATE, "1", Setting.BYTE_BURST, "1"));
                Peer watcher = Peer.join(server.uri());
                Peer sender = Peer.join(server.uri())) {
            watcher.expect(Peer.GREETING);
            String full = "x".repeat(MAX_MESSAGE_BYTES);
            sender.say(full);
            String heard = watcher.nextText();
            assertTrue(heard.endsWith(" said: " + full), () -> heard.substring(0, 40));
            Peer.racingTheClose(() -> sender.say("y".repeat(1000)));
            CloseReason closed = sender.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1008, closed.getCloseCode().getCode(), closed::toString);
            assertEquals("byte rate limit exceeded", closed.getReasonPhrase());
            Peer.join(server.uri()).close();
            watcher.expect(Peer.GREETING); // a later join: the refused message did not come first
            URI metrics = server.pageUri().resolve("/metrics");
            Scrape.awaitValue(metrics, 1, "chorus_limits_crossed_total", "reason", "byte-rate-limit-exceeded");
            log.awaitMatching(
                    Pattern.compile("Client\\(\\d+\\) crossed a limit: closing it with 1008 byte rate limit exceeded"),
                    1);
        }
    }

    /** Tyrus's own incoming buffer (4 MiB) grows with the setting, so its 1011 never comes first. */
    @Test
    void aMessageLimitAboveTyrusesOwnBufferIsTheOneThatCounts() throws Exception {
        Map<Setting, String> eightMib = Map.of(Setting.MAX_MESSAGE_BYTES, Integer.toString(8 * 1024 * 1024));
        try (ChorusServer server = TestServers.start(eightMib);
                RawSocket receiver = RawSocket.upgrade(server.uri())) {
            // Greeted before the sender connects: a 101 comes before the join, so the sender could join first.
            assertEquals(Peer.GREETING, receiver.readFrame().text());
            try (RawSocket sender = RawSocket.upgrade(server.uri())) {
                assertEquals(Peer.GREETING, receiver.readFrame().text()); // the sender's join
                sender.streamBinaryFrame(FIVE_MIB).join(Peer.WAIT.toMillis());
                RawSocket.Frame frame = receiver.readFrame();
                assertEquals(0x2, frame.opcode());
                assertEquals(FIVE_MIB, frame.payload().length);
            }
        }
    }
}

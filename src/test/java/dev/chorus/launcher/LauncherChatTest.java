package dev.chorus.launcher;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.contract.ChatContract;
import dev.chorus.testing.Launched;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat contract against the real launcher (in this JVM, 127.0.0.1, a free port), plus its log lines. */
class LauncherChatTest implements ChatContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void joiningSayingAndLeavingAreLoggedWithTheTutorialsLines() throws Exception {
        Peer peer = Peer.join(chatUri());
        int id = peer.sayAndLearnId("Hello, world!");
        log.await("New client connected and was given id " + id);
        log.await("Client(" + id + ") said: Hello, world!");
        peer.close();
        log.await("Client(" + id + ") disconnected");
    }

    @Test
    void aLongTextIsCutInTheLogButNotOnTheWire() throws Exception {
        try (Peer peer = Peer.join(chatUri())) {
            String text = "y".repeat(300);
            int id = peer.sayAndLearnId(text);
            log.await("Client(" + id + ") said: " + "y".repeat(200) + "..");
        }
    }

    @Test
    void aMultiLineTextIsOneEscapedLogLineButReachesClientsUnchanged() throws Exception {
        String forged = "hi\r\n2026-11-24 23:00:01.123 INFO    dev.chorus.chat.ChatRoom - Client(99) disconnected";
        try (Peer speaker = Peer.join(chatUri());
                Peer listener = Peer.join(chatUri())) {
            speaker.expect(GREETING);
            int id = speaker.sayAndLearnId(forged, listener);
            String logged = log.awaitMatching(Pattern.compile("^Client\\(" + id + "\\) said: "), 1)
                    .get(0);
            assertEquals(
                    "Client(" + id + ") said: hi\\r\\n2026-11-24 23:00:01.123 INFO    dev.chorus.chat.ChatRoom"
                            + " - Client(99) disconnected",
                    logged);
            assertEquals(1, logged.lines().count(), logged);
        }
    }

    @Test
    void aDroppedTcpConnectionIsLoggedAsDisconnected() throws Exception {
        try (Peer peer = Peer.join(chatUri())) {
            RawSocket raw = RawSocket.upgrade(chatUri());
            peer.expect(GREETING);
            raw.sendText("about to vanish");
            String line = peer.nextText();
            String id = line.substring("Client(".length(), line.indexOf(')'));
            raw.dropAbruptly();
            log.await("Client(" + id + ") disconnected");
        }
    }
}

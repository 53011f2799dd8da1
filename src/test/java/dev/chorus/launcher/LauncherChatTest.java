package dev.chorus.launcher;

import static dev.chorus.testing.Peer.GREETING;

import dev.chorus.contract.ChatContract;
import dev.chorus.testing.Launched;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import java.net.URI;
import java.util.Map;
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

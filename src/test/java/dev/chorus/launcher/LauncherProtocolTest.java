package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.contract.ProtocolContract;
import dev.chorus.testing.Launched;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.V1Peer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chorus.v1 contract against the real launcher (in this JVM, 127.0.0.1, a free port), plus its log lines. */
class LauncherProtocolTest implements ProtocolContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void aChorusV1ClientIsLoggedWithTheTutorialsLines() throws Exception {
        V1Peer peer = V1Peer.join(chatUri());
        peer.say("Hello, world!");
        peer.nextSaid();
        log.await("New client connected and was given id " + peer.id());
        log.await("Client(" + peer.id() + ") said: Hello, world!");
        peer.close();
        log.await("Client(" + peer.id() + ") disconnected");
    }

    @Test
    void aClientClosedForBreakingTheProtocolIsLoggedInOneLineWithoutAStack() throws Exception {
        try (V1Peer peer = V1Peer.join(chatUri())) {
            peer.send("not json");
            assertEquals(1007, peer.awaitClose().code());
            List<String> lines = log.awaitMatching(
                    Pattern.compile(
                            "^" + Pattern.quote("Client(" + peer.id() + ") sent text that is not a JSON object:")),
                    1);
            assertEquals(
                    List.of("Client(" + peer.id() + ") sent text that is not a JSON object: closing it with 1007"),
                    lines);
        }
    }
}

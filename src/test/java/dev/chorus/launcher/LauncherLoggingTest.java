package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --log-messages false}: the log says who said how much, never what. */
class LauncherLoggingTest {

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Test
    void withoutMessagesInTheLogOnlyTheSizeOfWhatWasSaidIsLogged() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.LOG_MESSAGES, "false"));
                Peer peer = Peer.join(server.uri())) {
            int id = peer.sayAndLearnId("secret words");

            log.await("Client(" + id + ") said 12 bytes");
            assertTrue(
                    log.all().stream().noneMatch(line -> line.contains("secret words")), () -> "logged: " + log.all());
        }
    }
}

package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --history 0}: nothing is kept, so a reconnect learns only how much it missed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoHistoryTest {

    @Test
    void aReconnectingClientGetsOnlyAGapAndAnEmptyHistory() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.HISTORY, "0"));
                V1Peer a = V1Peer.join(server.uri())) {
            a.say("one");
            a.say("two");
            a.nextSaid();
            long newest = a.nextSaid().getJsonNumber("seq").longValue();
            try (V1Peer back = V1Peer.reconnect(server.uri(), newest - 2)) {
                back.welcome();
                JsonObject gap = back.nextChat();
                assertEquals("gap", gap.getString("type"));
                assertEquals(2, gap.getJsonNumber("missed").longValue());
                back.askHistory();
                JsonObject history = back.nextChat();
                assertEquals("history", history.getString("type"), back::describeSeen);
                assertEquals(0, history.getJsonArray("messages").size());
            }
        }
    }
}

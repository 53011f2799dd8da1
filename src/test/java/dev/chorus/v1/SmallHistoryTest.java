package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.contract.ProtocolContract;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Launched;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chorus.v1 contract on a launcher that keeps only three said-messages ({@code --history 3}), so every
 * reconnect that missed more runs into a gap; plus what a client from before a restart gets.
 */
class SmallHistoryTest implements ProtocolContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of(Setting.HISTORY, "3"));

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Override
    public int historySize() {
        return 3;
    }

    @Test
    void aClientWhoseSinceIsAheadOfTheServerGetsAGapForWhatIsLostThenAllThatIsKept() throws Exception {
        try (V1Peer a = V1Peer.join(chatUri())) {
            for (int i = 0; i < 5; i++) {
                a.say("m" + i);
            }
            long newest = 0;
            for (int i = 0; i < 5; i++) {
                newest = a.nextSaid().getJsonNumber("seq").longValue();
            }
            // A client of an earlier run of the server, whose seqs went further before it restarted.
            try (V1Peer old = V1Peer.reconnect(chatUri(), newest + 1000)) {
                assertEquals(newest, old.welcome().getJsonNumber("seq").longValue());
                JsonObject gap = old.nextChat();
                assertEquals("gap", gap.getString("type"));
                assertEquals(newest - 3, gap.getJsonNumber("missed").longValue());
                for (int i = 2; i < 5; i++) {
                    assertEquals("m" + i, old.nextSaid().getString("text"));
                }
            }
        }
    }
}

package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.testing.JarProcess;
import dev.chorus.testing.V1Peer;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built {@code chorus.jar} speaks chorus.v1: its JSON implementation is found inside the one jar. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChorusV1JarIT {

    private static final Pattern LISTENING = Pattern.compile("Chorus listening on (ws://\\S+)");

    @Test
    void theJarWelcomesAChorusV1ClientAndAnswersItsSayInJson() throws Exception {
        try (JarProcess server = JarProcess.start("--port", "0", "--history", "5")) {
            URI uri = URI.create(server.awaitLog(LISTENING).group(1));
            try (V1Peer peer = V1Peer.connect(uri)) {
                assertEquals("chorus.v1", peer.subprotocol());
                assertEquals(0, peer.welcome().getJsonNumber("seq").longValue());
                peer.say("from the jar");
                assertEquals(
                        "{\"type\":\"said\",\"seq\":1,\"from\":" + peer.id() + ",\"text\":\"from the jar\"}",
                        peer.nextText());
            }
        }
    }
}

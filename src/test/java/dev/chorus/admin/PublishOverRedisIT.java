package dev.chorus.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Http;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RedisServer;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the server publishes on one node reaches the room on every node, numbered with the room's own messages. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PublishOverRedisIT {

    private static final String TOKEN = "publish-over-redis-token";

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @Test
    void aMessagePublishedOnOneNodeReachesTheRoomOnTheOtherInTheRoomsOrder() throws Exception {
        try (ChorusServer a = node();
                ChorusServer b = node();
                V1Peer onB = V1Peer.join(b.uri().resolve("rooms/lobby?name=bea"));
                Peer tutorialOnB = Peer.join(b.uri())) {
            onB.say("before the announcement");
            assertEquals(1, onB.nextSaid().getInt("seq"), onB::describeSeen);

            URI messages = a.adminUri().orElseThrow().resolve("api/rooms/lobby/messages");
            HttpResponse<String> sent = Http.withToken("POST", messages, TOKEN, "from node A");
            assertEquals(202, sent.statusCode(), sent::body);
            JsonObject said = onB.nextSaid();
            assertEquals(0, said.getInt("from"), said::toString);
            assertEquals("server", said.getString("name"), said::toString);
            assertEquals("from node A", said.getString("text"));
            assertEquals(2, said.getInt("seq"), "numbered in the room's order, across nodes");

            URI root = a.adminUri().orElseThrow().resolve("api/rooms/~/messages");
            assertEquals(
                    202,
                    Http.withToken("POST", root, TOKEN, "to the tutorial room").statusCode());
            tutorialOnB.expect("to the tutorial room");
        }
    }

    private static ChorusServer node() throws IOException {
        return TestServers.start(
                Map.of(Setting.REDIS, REDIS.uri().toString(), Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, TOKEN));
    }
}

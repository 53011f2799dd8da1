package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.testing.ClusterNode;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RedisServer;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rooms across nodes on one real Redis: a room's messages reach the room on every node and nothing else, in one
 * order, numbered per room, and a client that reconnects to another node resumes from that room's history there.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RoomsOverRedisIT {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @Test
    void aRoomsMessagesCrossNodesInOneOrderNumberedPerRoomAndResumeOnTheOtherNode() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                V1Peer onA = V1Peer.connect(URI.create(room(a, "ops") + "?name=ann"));
                V1Peer onB = V1Peer.join(room(b, "ops"));
                V1Peer otherRoomOnB = V1Peer.join(room(b, "dev"));
                Peer rootOnB = Peer.join(b.uri())) {
            assertEquals("ann", onA.welcome().getString("name"));
            List<JsonObject> said = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                (i % 2 == 0 ? onA : onB).say("ops " + i);
                JsonObject message = onA.nextSaid();
                assertEquals("ops " + i, message.getString("text"), onA::describeSeen);
                assertEquals(i + 1, message.getInt("seq"), "numbered per room, one by one");
                assertEquals(message, onB.nextSaid(), onB::describeSeen);
                said.add(message);
            }
            assertEquals("ann", said.get(0).getString("name"), "the name crosses nodes");

            otherRoomOnB.say("dev 0");
            JsonObject inDev = otherRoomOnB.nextSaid();
            assertEquals("dev 0", inDev.getString("text"), "nothing of room ops came first");
            assertEquals(1, inDev.getInt("seq"), "room dev counts its own");
            rootOnB.sayAndLearnId("nothing of either room came first");

            // It saw ops 1 on A; it resumes on B and gets exactly what came after, from B's history of the room.
            try (V1Peer back = V1Peer.reconnect(room(b, "ops"), 2)) {
                assertEquals(4, back.welcome().getInt("seq"));
                assertEquals(said.get(2), back.nextChat(), back::describeSeen);
                assertEquals(said.get(3), back.nextChat(), back::describeSeen);
            }
        }
    }

    private static URI room(ClusterNode node, String name) {
        return node.uri().resolve("rooms/" + name);
    }
}

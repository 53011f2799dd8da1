package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.ClusterNode;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.Http;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.RedisServer;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TcpProxy;
import dev.chorus.testing.V1Peer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several launcher nodes on one Redis are one chat: docs/scale-out.md's promise, on real processes and a real Redis. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ScaleOutIT {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @Test
    void clientsOnTwoNodesHearEachOthersJoinsAndMessagesInOrder() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                Peer onA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("hello from A", onB);
            for (int i = 0; i < 20; i++) {
                onB.say("B " + i);
            }
            int idB = -1;
            for (int i = 0; i < 20; i++) {
                String line = onA.nextText();
                assertTrue(line.endsWith(" said: B " + i), () -> "out of order: " + onA.describeSeen());
                idB = Integer.parseInt(line.substring("Client(".length(), line.indexOf(')')));
                onB.expect(line);
            }
            assertNotEquals(idA, idB);
            onB.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), onA.nextBinary());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), onB.nextBinary());

            // A put its client's join and one message on the bus, and read back all 24 events since it started.
            Scrape metrics = Scrape.of(a.http("/metrics"));
            assertEquals(2, metrics.value("chorus_bus_published_total"), metrics::text);
            assertEquals(24, metrics.value("chorus_bus_received_total"), metrics::text);
            assertEquals(24, metrics.value("chorus_bus_lag_seconds_count"), metrics::text);
            assertEquals(1, metrics.value("chorus_bus_reachable"), metrics::text);
        }
    }

    @Test
    void idsAreUniqueAcrossThreeNodes() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                ClusterNode c = ClusterNode.start(REDIS.uri())) {
            Set<Integer> ids = new HashSet<>();
            for (ClusterNode node : List.of(a, b, c, a, b, c)) {
                try (Peer peer = Peer.join(node.uri())) {
                    int id = peer.sayAndLearnId("who am I");
                    assertTrue(ids.add(id), () -> "id " + id + " given twice; before: " + ids);
                }
            }
        }
    }

    @Test
    void whileRedisIsDownEachNodeChatsAloneRefusesNewcomersAndHealsWhenItIsBack() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                Peer onA = Peer.join(a.uri());
                Peer alsoOnA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING);
            onA.expect(Peer.GREETING);
            alsoOnA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("before", alsoOnA, onB);
            int idB = onB.sayAndLearnId("me too", onA, alsoOnA);
            int highestBefore = Math.max(idA, idB);

            cutOff(a, b);
            for (int i = 0; i < 3; i++) {
                onA.say("only here " + i);
                onA.expect("Client(" + idA + ") said: only here " + i);
                alsoOnA.expect("Client(" + idA + ") said: only here " + i);
            }
            onB.say("only on B");
            onB.expect("Client(" + idB + ") said: only on B");
            Handshake refused = Handshake.attempt(a.uri());
            assertEquals(503, refused.status(), refused::head);
            assertEquals(503, Http.get(a.http("/health/ready")).statusCode());
            assertEquals(
                    "{\"status\":\"DOWN\",\"reason\":\"bus-down\"}",
                    Http.get(b.http("/health/ready")).body());

            reconnect(a, b);
            assertEquals(200, Http.get(a.http("/health/ready")).statusCode());
            onA.say("after");
            // The next thing each hears is this: nothing said on the other node during the outage, nothing twice.
            onB.expect("Client(" + idA + ") said: after");
            onA.expect("Client(" + idA + ") said: after");
            alsoOnA.expect("Client(" + idA + ") said: after");
            // A node that starts now has seen none of the old ids, and hands out the first id after the restart:
            // still none of them again, because the nodes that had seen them raised the counter on reconnecting.
            try (ClusterNode late = ClusterNode.start(REDIS.uri());
                    Peer onLate = Peer.join(late.uri())) {
                int id = onLate.sayAndLearnId("late");
                assertTrue(id > highestBefore, () -> "id " + id + " at or below one seen before: " + highestBefore);
                for (Peer peer : List.of(onA, onB)) {
                    peer.expect(Peer.GREETING);
                    peer.expect("Client(" + id + ") said: late");
                }
            }
            try (Peer newcomer = Peer.join(b.uri())) {
                onB.expect(Peer.GREETING);
                onA.expect(Peer.GREETING);
                int id = newcomer.sayAndLearnId("new after the restart");
                assertTrue(id > highestBefore, () -> "id " + id + " at or below one seen before: " + highestBefore);
                onA.expect("Client(" + id + ") said: new after the restart");
            }
            // One WARNING for the whole outage, however many messages were said during it.
            assertEquals(
                    1, a.log().stream().filter(line -> line.contains("WARNING")).count(), () -> "" + a.log());
            Scrape metrics = Scrape.of(a.http("/metrics"));
            assertEquals(1, metrics.value("chorus_bus_reconnects_total"), metrics::text);
            assertEquals(1, metrics.value("chorus_connections_rejected_total", "reason", "bus-down"), metrics::text);
        }
    }

    @Test
    void aNodeThatRestartsReplaysNothingToLiveClients() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                Peer onA = Peer.join(a.uri());
                V1Peer v1OnA = V1Peer.join(a.uri())) {
            onA.expect(Peer.GREETING);
            JsonObject old;
            try (ClusterNode b = ClusterNode.start(REDIS.uri());
                    Peer onB = Peer.join(b.uri())) {
                onA.expect(Peer.GREETING);
                onA.sayAndLearnId("old news", onB);
                old = v1OnA.nextSaid();
                assertEquals("old news", old.getString("text"), v1OnA::describeSeen);
            }
            try (ClusterNode restarted = ClusterNode.start(REDIS.uri());
                    Peer onRestarted = Peer.join(restarted.uri());
                    V1Peer v1OnRestarted = V1Peer.connect(restarted.uri())) {
                // Welcomed with the cluster's seq, though it never read the old news...
                assertEquals(seq(old), seq(v1OnRestarted.welcome()), v1OnRestarted::describeSeen);
                onRestarted.expect(Peer.GREETING);
                onA.expect(Peer.GREETING);
                onA.expect(Peer.GREETING);
                // ...and what it hears next is what is said now: nothing old, not even without a seq.
                onA.sayAndLearnId("fresh", onRestarted);
                JsonObject fresh = v1OnRestarted.nextChat();
                assertEquals(v1OnA.nextSaid(), fresh, v1OnA::describeSeen);
                assertEquals("fresh", fresh.getString("text"), v1OnRestarted::describeSeen);
                assertEquals(seq(old) + 1, seq(fresh), v1OnRestarted::describeSeen);
                onRestarted.sayAndLearnId("hi", onA);
                JsonObject hi = v1OnRestarted.nextSaid();
                assertEquals("hi", hi.getString("text"), v1OnRestarted::describeSeen);
                // Its history holds what it delivered since it started, nothing from before.
                v1OnRestarted.askHistory();
                assertEquals(
                        Json.createArrayBuilder().add(fresh).add(hi).build(),
                        v1OnRestarted.next("history").getJsonArray("messages"),
                        v1OnRestarted::describeSeen);
                // It read from the stream exactly the 4 events since it started: two joins, two messages.
                Scrape metrics = Scrape.of(restarted.http("/metrics"));
                assertEquals(4, metrics.value("chorus_bus_received_total"), metrics::text);
            }
        }
    }

    @Test
    void aNodeCutOffFromRedisAloneReadsTheOtherNodesMessagesLateAfterItsOwn() throws Exception {
        try (TcpProxy toRedis = TcpProxy.to("127.0.0.1", REDIS.uri().getPort());
                ClusterNode a = ClusterNode.start(URI.create("redis://127.0.0.1:" + toRedis.port()));
                ClusterNode b = ClusterNode.start(REDIS.uri());
                Peer onA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING);
            int idA = onA.sayAndLearnId("before", onB);
            int idB = onB.sayAndLearnId("me too", onA);

            // Only A loses Redis; B goes on adding to the stream.
            toRedis.cut();
            a.awaitLog("is unreachable");
            onA.say("only on A");
            onA.expect("Client(" + idA + ") said: only on A");
            for (int i = 0; i < 3; i++) {
                onB.say("while A was away " + i);
                onB.expect("Client(" + idB + ") said: while A was away " + i);
            }

            toRedis.heal();
            a.awaitLog("is reachable again");
            // A catches up on what B said, in order, after what its own client said meanwhile...
            for (int i = 0; i < 3; i++) {
                onA.expect("Client(" + idB + ") said: while A was away " + i);
            }
            onA.say("after");
            onA.expect("Client(" + idA + ") said: after");
            // ...while B never hears what was said on A during the outage.
            onB.expect("Client(" + idA + ") said: after");
        }
    }

    /**
     * The drain's closes are reported to the node a moment after it sent them (when the connection ends), and
     * the node waits for those reports before it leaves Redis: every client's leave, a tutorial client's too,
     * reaches the other node (it once went out too late now and then, after the node had left Redis).
     */
    @Test
    void aNodeStoppedWithSigtermTellsTheOtherNodesThatItsClientsLeft() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                V1Peer onA = V1Peer.join(a.uri());
                V1Peer onB = V1Peer.join(b.uri());
                RawSocket tutorialOnB = RawSocket.upgrade(b.uri())) {
            assertEquals(onB.id(), onA.next("joined").getInt("id"), onA::describeSeen);
            int tutorialId = onA.next("joined").getInt("id");
            b.terminate();
            assertEquals(new V1Peer.Closed(1001, "server shutting down"), onB.awaitClose());
            assertEquals(1001, tutorialOnB.readUntilClose().getCloseCode().getCode());
            Set<Integer> left =
                    Set.of(onA.next("left").getInt("id"), onA.next("left").getInt("id"));
            assertEquals(Set.of(onB.id(), tutorialId), left, () -> onA.describeSeen() + "\n" + b.log());
            assertEquals(0, b.awaitExit(), () -> "" + b.log());
        }
    }

    @Test
    void chorusV1ClientsOnTwoNodesHearJoinsSaidMessagesAndLeavesFromTheOther() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                V1Peer onA = V1Peer.join(a.uri())) {
            int idB;
            try (V1Peer onB = V1Peer.join(b.uri())) {
                idB = onB.id();
                assertEquals(idB, onA.next("joined").getInt("id"));
                onA.say("hi B");
                JsonObject heardOnA = onA.next("said");
                JsonObject heardOnB = onB.next("said");
                assertEquals(onA.id(), heardOnB.getInt("from"));
                assertEquals("hi B", heardOnB.getString("text"));
                assertEquals(heardOnA.getString("text"), heardOnB.getString("text"));
            }
            assertEquals(idB, onA.next("left").getInt("id"));
        }
    }

    @Test
    void seqsAreTheClustersSoAClientMayResumeOnAnyNodeAndANodeStartedLaterCountsOn() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                V1Peer onA = V1Peer.join(a.uri());
                V1Peer onB = V1Peer.join(b.uri())) {
            List<JsonObject> said = new ArrayList<>();
            try (V1Peer mover = V1Peer.join(a.uri())) {
                for (int i = 0; i < 4; i++) {
                    (i % 2 == 0 ? onA : onB).say("said " + i);
                    JsonObject message = mover.nextSaid();
                    assertEquals("said " + i, message.getString("text"), mover::describeSeen);
                    // The same message has the same seq on every node.
                    assertEquals(message, onA.nextSaid(), onA::describeSeen);
                    assertEquals(message, onB.nextSaid(), onB::describeSeen);
                    said.add(message);
                }
            }
            for (int i = 4; i < 6; i++) {
                (i % 2 == 0 ? onA : onB).say("said while the mover was away " + i);
                JsonObject message = onB.nextSaid();
                assertEquals(message, onA.nextSaid(), onA::describeSeen);
                said.add(message);
            }
            for (int i = 1; i < said.size(); i++) {
                assertEquals(seq(said.get(0)) + i, seq(said.get(i)), () -> "not one by one: " + said);
            }
            long newest = seq(said.get(5));

            // It saw said 3 on A; it resumes on B from said 1 on, and gets exactly what came after.
            try (V1Peer back = V1Peer.reconnect(b.uri(), seq(said.get(1)))) {
                assertEquals(newest, seq(back.welcome()));
                for (int i = 2; i < 6; i++) {
                    assertEquals(said.get(i), back.nextChat(), back::describeSeen);
                }
                onA.say("live");
                JsonObject live = back.nextSaid();
                assertEquals("live", live.getString("text"));
                assertEquals(newest + 1, seq(live));
                assertEquals(live, onA.nextSaid(), onA::describeSeen);
                assertEquals(live, onB.nextSaid(), onB::describeSeen);
                newest++;
            }

            try (ClusterNode late = ClusterNode.start(REDIS.uri());
                    V1Peer fresh = V1Peer.connect(late.uri());
                    V1Peer resuming = V1Peer.reconnect(late.uri(), newest - 3)) {
                // A node that starts counts on from the cluster's seq...
                assertEquals(newest, seq(fresh.welcome()));
                // ...with an empty history: what it never had is a gap, told truthfully.
                assertEquals(newest, seq(resuming.welcome()));
                assertEquals(3, resuming.next("gap").getInt("missed"), resuming::describeSeen);
                onB.say("to everyone");
                for (V1Peer peer : List.of(fresh, resuming, onA, onB)) {
                    JsonObject message = peer.nextSaid();
                    assertEquals("to everyone", message.getString("text"), peer::describeSeen);
                    assertEquals(newest + 1, seq(message), peer::describeSeen);
                }
            }
        }
    }

    @Test
    void whileRedisIsDownASaidMessageHasNoSeqAndAfterARedisRestartedEmptyTheNumberingGoesOnAbove() throws Exception {
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                V1Peer onA = V1Peer.join(a.uri());
                V1Peer alsoOnA = V1Peer.join(a.uri());
                V1Peer onB = V1Peer.join(b.uri())) {
            onA.say("before");
            JsonObject before = onA.nextSaid();
            assertEquals(before, alsoOnA.nextSaid(), alsoOnA::describeSeen);
            assertEquals(before, onB.nextSaid(), onB::describeSeen);

            cutOff(a, b);
            onA.say("only on A");
            for (V1Peer peer : List.of(onA, alsoOnA)) {
                JsonObject message = peer.nextSaid();
                assertEquals(
                        Json.createObjectBuilder()
                                .add("type", "said")
                                .add("from", onA.id())
                                .add("text", "only on A")
                                .build(),
                        message,
                        peer::describeSeen);
            }

            // Back, but empty: the nodes raise its counter to the highest seq they have seen.
            reconnect(a, b);
            onB.say("after");
            for (V1Peer peer : List.of(onA, alsoOnA, onB)) {
                JsonObject message = peer.nextSaid();
                assertEquals("after", message.getString("text"), peer::describeSeen);
                assertEquals(seq(before) + 1, seq(message), peer::describeSeen);
            }
        }
    }

    @Test
    void aStalledReaderIsEvictedByItsOwnNodeWhileEveryoneElseOnBothNodesGetsEverything() throws Exception {
        String big = "z".repeat(16 * 1024);
        try (ClusterNode a = ClusterNode.start(REDIS.uri(), "--outbox-bytes", "262144");
                ClusterNode b = ClusterNode.start(REDIS.uri(), "--message-rate", "0", "--byte-rate", "0");
                RawSocket stalled = RawSocket.joinedSlowReader(a.uri());
                Peer onA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING);
            int sender = onB.sayAndLearnId("flood", onA);
            for (int i = 0; i < 300; i++) {
                onB.say(i + big);
            }
            for (Peer peer : List.of(onA, onB)) {
                for (int i = 0; i < 300; i++) {
                    peer.expect("Client(" + sender + ") said: " + i + big);
                }
            }
            a.awaitLog("is a slow consumer, its outbox overflowed");
            CloseReason reason = stalled.readUntilClose();
            assertEquals(1008, reason.getCloseCode().getCode());
            Scrape metrics = Scrape.of(a.http("/metrics"));
            assertEquals(
                    1,
                    metrics.value("chorus_slow_consumers_evicted_total", "reason", "outbox_overflow"),
                    metrics::text);
            assertEquals(
                    0,
                    Scrape.of(b.http("/metrics"))
                            .value("chorus_slow_consumers_evicted_total", "reason", "outbox_overflow"));
        }
    }

    private static long seq(JsonObject event) {
        return event.getJsonNumber("seq").longValue();
    }

    /** Kills Redis and waits until every node has noticed. */
    private static void cutOff(ClusterNode... nodes) throws InterruptedException {
        REDIS.kill();
        for (ClusterNode node : nodes) {
            node.awaitLog("is unreachable");
        }
    }

    /** Starts Redis again (empty) and waits until every node reaches it. */
    private static void reconnect(ClusterNode... nodes) throws IOException, InterruptedException {
        REDIS.start();
        for (ClusterNode node : nodes) {
            node.awaitLog("is reachable again");
        }
    }
}

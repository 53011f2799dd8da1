package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.ClusterNode;
import dev.chorus.testing.SentinelGroup;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nodes on a Redis watched by Sentinel follow a failover by themselves (docs/scale-out.md, "Redis with Sentinel"):
 * a real primary, replica and three Sentinels, the primary killed mid-chat.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SentinelFailoverIT {

    /** The Sentinels call the primary down after 1 s, then elect a leader that promotes the replica. */
    private static final Duration FAILOVER = Duration.ofSeconds(60);

    @Test
    void whenThePrimaryDiesBothNodesFollowTheNewOneSeqsKeepRisingAndAReturningClientMissesNothingUntold()
            throws Exception {
        try (SentinelGroup redis = SentinelGroup.start();
                ClusterNode a = ClusterNode.start(redis.uri());
                ClusterNode b = ClusterNode.start(redis.uri());
                V1Peer onA = V1Peer.join(a.uri());
                V1Peer onB = V1Peer.join(b.uri())) {
            // Before it listened, each node asked the Sentinels where the master is.
            for (ClusterNode node : List.of(a, b)) {
                String found = "Sentinel names " + redis.primary() + " as master chorus";
                assertTrue(node.log().stream().anyMatch(line -> line.contains(found)), () -> "" + node.log());
            }
            List<JsonObject> said = new ArrayList<>();
            long lastSeenByMover;
            try (V1Peer mover = V1Peer.join(b.uri())) {
                for (int i = 0; i < 3; i++) {
                    said.add(sayAndHearEverywhere(i % 2 == 0 ? onA : onB, "before " + i, onA, onB, mover));
                }
                lastSeenByMover = seq(said.get(2));
            }
            // Said while the mover is away: it must get this back, or a gap that counts it.
            said.add(sayAndHearEverywhere(onA, "while the mover was away", onA, onB));
            long highestBefore = seq(said.get(3));

            // Replication is asynchronous: the replica never got that message, nor the seq counter's last INCR.
            redis.replicaMissesTheLastWrite(RedisBus.STREAM, RedisBus.SEQ);

            redis.killPrimary();
            redis.awaitFailover(FAILOVER);
            for (ClusterNode node : List.of(a, b)) {
                node.awaitLog("Sentinel names " + redis.replica() + " as master chorus (before: " + redis.primary());
                node.awaitLog("is reachable again");
            }

            // Both nodes carry on, and the numbering goes on above every seq handed out before.
            JsonObject afterOnA = sayAndHearEverywhere(onA, "after the failover, from A", onA, onB);
            JsonObject afterOnB = sayAndHearEverywhere(onB, "after the failover, from B", onA, onB);
            // The new master's counter was one behind: the nodes raised it to the highest seq they had seen.
            assertEquals(highestBefore + 1, seq(afterOnA), () -> afterOnA + " does not follow " + highestBefore);
            assertEquals(highestBefore + 2, seq(afterOnB), () -> afterOnB + " does not follow " + afterOnA);

            try (V1Peer back = V1Peer.reconnect(b.uri(), lastSeenByMover)) {
                long newest = seq(back.welcome());
                assertEquals(seq(afterOnB), newest, back::describeSeen);
                List<JsonObject> expected = List.of(said.get(3), afterOnA, afterOnB);
                // Every seq after the one it saw is either replayed or counted in a gap, and nothing else comes.
                long missed = newest - lastSeenByMover - expected.size();
                if (missed > 0) {
                    assertEquals(missed, back.next("gap").getInt("missed"), back::describeSeen);
                }
                for (JsonObject message : expected) {
                    assertEquals(message, back.nextChat(), back::describeSeen);
                }
            }
            // A node that starts now finds the new master and counts on from the cluster's seq; it keeps nothing
            // from before it started, so a client returning there is told what it missed in a gap.
            try (ClusterNode late = ClusterNode.start(redis.uri());
                    V1Peer onLate = V1Peer.connect(late.uri());
                    V1Peer returning = V1Peer.reconnect(late.uri(), lastSeenByMover)) {
                assertEquals(seq(afterOnB), seq(onLate.welcome()), onLate::describeSeen);
                assertEquals(seq(afterOnB), seq(returning.welcome()), returning::describeSeen);
                assertEquals(
                        seq(afterOnB) - lastSeenByMover,
                        returning.next("gap").getInt("missed"),
                        returning::describeSeen);
                JsonObject fromLate =
                        sayAndHearEverywhere(onLate, "from a node started after it", onLate, returning, onA, onB);
                assertEquals(seq(afterOnB) + 1, seq(fromLate), onLate::describeSeen);
            }
        }
    }

    /**
     * The old primary lives on and is made a replica: the Sentinels close its clients' connections (and a write that
     * still reached it would be refused with READONLY), and the nodes find the new master.
     */
    @Test
    void aFailoverWhileTheOldPrimaryLivesOnIsFollowedTooOnceItIsMadeAReplica() throws Exception {
        try (SentinelGroup redis = SentinelGroup.start();
                ClusterNode a = ClusterNode.start(redis.uri());
                ClusterNode b = ClusterNode.start(redis.uri());
                V1Peer onA = V1Peer.join(a.uri());
                V1Peer onB = V1Peer.join(b.uri())) {
            JsonObject before = sayAndHearEverywhere(onA, "before", onA, onB);

            redis.failOver();
            redis.awaitFailover(FAILOVER);
            redis.awaitDemotion(FAILOVER);
            for (ClusterNode node : List.of(a, b)) {
                node.awaitLog("Sentinel names " + redis.replica() + " as master chorus (before: " + redis.primary());
                node.awaitLog("is reachable again");
            }

            JsonObject fromB = sayAndHearEverywhere(onB, "after, from B", onA, onB);
            JsonObject fromA = sayAndHearEverywhere(onA, "after, from A", onA, onB);
            assertEquals(seq(before) + 1, seq(fromB), onB::describeSeen);
            assertEquals(seq(before) + 2, seq(fromA), onA::describeSeen);
        }
    }

    /** {@code speaker} says {@code text}; every listener hears the same said-message, which is returned. */
    private static JsonObject sayAndHearEverywhere(V1Peer speaker, String text, V1Peer... listeners) throws Exception {
        speaker.say(text);
        JsonObject heard = null;
        for (V1Peer listener : listeners) {
            JsonObject message = listener.nextSaid();
            assertEquals(text, message.getString("text"), listener::describeSeen);
            if (heard != null) {
                assertEquals(heard, message, listener::describeSeen);
            }
            heard = message;
        }
        return heard;
    }

    private static long seq(JsonObject event) {
        assertTrue(event.containsKey("seq"), () -> "no seq: " + event);
        return event.getJsonNumber("seq").longValueExact();
    }
}

package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.testing.ClusterNode;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RedisServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Ids past {@code Integer.MAX_VALUE}, on real nodes and a real Redis whose id counter starts just below it (a
 * Redis of its own: the other scale-out tests count from 1). Client 2147483648's join and words cross the bus
 * in the 8-byte id form, and keep the tutorial's {@code Client(N)} name.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LongIdsIT {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @Test
    void aClientPastTheLargestIntIsNamedExactlyOnEveryNode() throws Exception {
        try (Jedis jedis = new Jedis(REDIS.uri())) {
            jedis.set(RedisBus.IDS, Long.toString(Integer.MAX_VALUE - 1L));
        }
        try (ClusterNode a = ClusterNode.start(REDIS.uri());
                ClusterNode b = ClusterNode.start(REDIS.uri());
                Peer onA = Peer.join(a.uri());
                Peer onB = Peer.join(b.uri())) {
            onA.expect(Peer.GREETING); // B's join, from the other node
            onA.say("the largest int");
            String fromA = "Client(2147483647) said: the largest int";
            onA.expect(fromA);
            onB.expect(fromA);
            onB.say("one past it");
            String fromB = "Client(2147483648) said: one past it";
            onA.expect(fromB);
            onB.expect(fromB);
        }
        try (Jedis jedis = new Jedis(REDIS.uri())) {
            assertEquals("2147483648", jedis.get(RedisBus.IDS));
        }
    }
}

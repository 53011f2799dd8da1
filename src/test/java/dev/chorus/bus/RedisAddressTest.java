package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

class RedisAddressTest {

    @Test
    void aLogLineNamesTheServerOrTheMasterAndItsSentinelsButNeverThePassword() {
        assertEquals("127.0.0.1:6379", new RedisAddress(URI.create("redis://u:secret@127.0.0.1:6379/1")).toString());
        assertEquals(
                "chorus via Sentinel 127.0.0.1:26379,127.0.0.1:26380",
                new RedisAddress(URI.create("redis-sentinel://u:secret@127.0.0.1:26379,127.0.0.1:26380/1#chorus"))
                        .toString());
    }

    @Test
    void aBrokenConnectionOrAServerThatIsNoLongerTheMasterCallsForANewConnection() {
        assertTrue(RedisAddress.mustReconnect(new JedisConnectionException("Unexpected end of stream.")));
        assertTrue(RedisAddress.mustReconnect(
                new JedisDataException("READONLY You can't write against a read only replica.")));
        assertTrue(RedisAddress.mustReconnect(new JedisDataException(
                "ERR Error running script (call to f_1): @user_script:3: -READONLY You can't write against a read"
                        + " only replica. ")));
        assertTrue(RedisAddress.mustReconnect(
                new JedisDataException("UNBLOCKED force unblock from blocking operation, instance state changed")));
        assertTrue(RedisAddress.mustReconnect(new JedisDataException("MASTERDOWN Link with MASTER is down")));
        assertTrue(RedisAddress.mustReconnect(new JedisDataException("LOADING Redis is loading the dataset")));
        assertTrue(RedisAddress.mustReconnect(new JedisException("something else")));
    }

    @Test
    void anErrorOfTheCommandItselfKeepsTheConnection() {
        assertFalse(RedisAddress.mustReconnect(new JedisDataException("ERR wrong number of arguments for 'xadd'")));
        assertFalse(RedisAddress.mustReconnect(new JedisNoScriptException("NOSCRIPT No matching script.")));
        assertFalse(RedisAddress.mustReconnect(new JedisDataException("ERR value is not an integer: READONLY x")));
    }

    @Test
    void withoutASentinelThatAnswersThereIsNoMasterToConnectTo() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        RedisAddress address = new RedisAddress(URI.create("redis-sentinel://127.0.0.1:" + closed + "#chorus"));
        JedisConnectionException e = assertThrows(JedisConnectionException.class, address::connect);
        assertEquals("no Sentinel named master chorus", e.getMessage());
        assertTrue(e.getCause() instanceof JedisConnectionException, () -> "cause: " + e.getCause());
    }
}

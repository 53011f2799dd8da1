package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The node's one connection for commands to Redis (appends, ids), one command at a time, so this node's events
 * enter the stream in its order. It connects when first needed, and again after an outage or a failed command.
 */
final class PublishingConnection {

    private static final System.Logger LOG = System.getLogger(PublishingConnection.class.getName());

    private final RedisAddress address;
    private final Reachability reachability;
    private final ReentrantLock lock = new ReentrantLock();
    private Jedis jedis; // guarded by lock
    private long outagesWhenConnected; // guarded by lock

    PublishingConnection(RedisAddress address, Reachability reachability) {
        this.address = address;
        this.reachability = reachability;
    }

    /** Runs {@code command} on the connection, (re)connecting first; a failure drops the connection. */
    <T> T run(Function<Jedis, T> command) {
        lock.lock();
        try {
            if (jedis != null && outagesWhenConnected != reachability.outages()) {
                // Connected before the latest outage: its socket is most likely dead.
                disconnect();
            }
            if (jedis == null) {
                outagesWhenConnected = reachability.outages();
                jedis = address.connect();
            }
            try {
                return command.apply(jedis);
            } catch (JedisException e) {
                disconnect();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection, waiting for a command under way. */
    void close() {
        lock.lock();
        try {
            disconnect();
        } finally {
            lock.unlock();
        }
    }

    private void disconnect() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Closing a Redis connection failed: " + e);
            }
            jedis = null;
        }
    }
}

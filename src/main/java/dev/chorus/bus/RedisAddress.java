package dev.chorus.bus;

import java.net.URI;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Where Redis is ({@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS) and how every
 * connection to it is made: with timeouts on every read, so a dead or half-open Redis fails a command instead
 * of hanging a chat thread, and with RESP2, whose stream replies are plain nested lists.
 */
final class RedisAddress {

    /** How long a connect, or an ordinary command's answer, may take. */
    static final int TIMEOUT_MILLIS = 2_000;

    private final HostAndPort hostAndPort;
    private final JedisClientConfig config;

    RedisAddress(URI uri) {
        this.hostAndPort = JedisURIHelper.getHostAndPort(uri);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                // Jedis waits forever on a blocking command (XREAD BLOCK) unless this is set, even when the
                // socket is half-open and no answer will ever come (redis/jedis#3320).
                .blockingSocketTimeoutMillis(StreamReader.BLOCK_MILLIS + TIMEOUT_MILLIS)
                // Jedis 8 negotiates RESP3, whose stream replies are maps; the reader parses RESP2's lists.
                .protocol(RedisProtocol.RESP2)
                .clientName("chorus");
        if ("rediss".equalsIgnoreCase(uri.getScheme())) {
            // TLS, trusting what the JVM trusts.
            config.sslOptions(SslOptions.defaults());
        }
        if (JedisURIHelper.getPassword(uri) != null) {
            config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
        }
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        this.config = config.build();
    }

    /** A new connection (Jedis connects lazily: the first command connects, or fails). */
    Jedis connect() {
        return new Jedis(hostAndPort, config);
    }

    /** {@code host:port}, for log lines: never the password. */
    @Override
    public String toString() {
        return hostAndPort.toString();
    }
}

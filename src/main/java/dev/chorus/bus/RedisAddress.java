package dev.chorus.bus;

import dev.chorus.notation.SentinelUri;
import java.net.URI;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Where Redis is and how every connection to it is made: with timeouts on every read, so a dead or half-open
 * Redis fails a command instead of hanging a chat thread, and with RESP2, whose stream replies are plain nested
 * lists. Redis is either one server ({@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for
 * TLS) or the master that Sentinel names ({@link SentinelUri}), looked up again on every connect, so a caller
 * that reconnects after a failure follows a failover.
 */
final class RedisAddress {

    /** How long a connect, or an ordinary command's answer, may take. */
    static final int TIMEOUT_MILLIS = 2_000;

    /**
     * Error replies after which a connection no longer leads to the master: the server was demoted to a replica
     * ({@code READONLY}), a replica lost its master ({@code MASTERDOWN}), a blocked command was cut short by such
     * a change ({@code UNBLOCKED}), or the server is still loading its data ({@code LOADING}).
     */
    private static final List<String> NOT_THE_MASTER = List.of("READONLY", "MASTERDOWN", "UNBLOCKED", "LOADING");

    private final HostAndPort hostAndPort; // null with Sentinel
    private final SentinelMaster sentinel; // null without
    private final JedisClientConfig config;

    RedisAddress(URI uri) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                // Jedis waits forever on a blocking command (XREAD BLOCK) unless this is set, even when the
                // socket is half-open and no answer will ever come (redis/jedis#3320).
                .blockingSocketTimeoutMillis(StreamReader.BLOCK_MILLIS + TIMEOUT_MILLIS)
                // Jedis 8 negotiates RESP3, whose stream replies are maps; the reader parses RESP2's lists.
                .protocol(RedisProtocol.RESP2)
                .clientName("chorus");
        if (SentinelUri.isSentinel(uri)) {
            SentinelUri sentinelUri = SentinelUri.parse(uri);
            sentinelUri.password().ifPresent(password -> config.user(
                            sentinelUri.user().orElse(null))
                    .password(password));
            sentinelUri.database().ifPresent(config::database);
            this.hostAndPort = null;
            this.sentinel = new SentinelMaster(sentinelUri, TIMEOUT_MILLIS);
        } else {
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
            this.hostAndPort = JedisURIHelper.getHostAndPort(uri);
            this.sentinel = null;
        }
        this.config = config.build();
    }

    /**
     * A new connection to the master. To one server, Jedis connects lazily: the first command connects, or
     * fails. Through Sentinel it connects now, to whichever server the Sentinels name now.
     *
     * @throws JedisException through Sentinel, if no master can be found now
     */
    Jedis connect() {
        return sentinel == null ? new Jedis(hostAndPort, config) : sentinel.connect(config);
    }

    /**
     * Whether, after {@code failure}, the connection it came from must be replaced by a new one from
     * {@link #connect}: when it broke, or when its server is no longer the master (after a failover the old master,
     * now a replica, answers writes with {@code READONLY}). Not for other errors, e.g. a script's own.
     */
    static boolean mustReconnect(JedisException failure) {
        if (!(failure instanceof JedisDataException)) {
            // Broken (JedisConnectionException), or nobody knows what: a new connection is the safe course.
            return true;
        }
        String message = String.valueOf(failure.getMessage());
        // Redis before 7 wraps a script's error: "ERR Error running script … -READONLY You can't write …".
        return NOT_THE_MASTER.stream()
                .anyMatch(code -> message.startsWith(code + " ") || message.contains("-" + code + " "));
    }

    /** {@code host:port}, or the master's name and its Sentinels, for log lines: never the password. */
    @Override
    public String toString() {
        return sentinel == null ? hostAndPort.toString() : sentinel.toString();
    }
}

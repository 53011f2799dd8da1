package dev.chorus.bus;

import dev.chorus.notation.SentinelUri;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Finds the current master through Sentinel, each time a connection is made, the way Redis's guide for Sentinel
 * clients says: ask the Sentinels in turn for the master's address (the first that answers goes to the front),
 * connect, and check with {@code ROLE} that it is a master, since a Sentinel may not have heard of a failover yet.
 *
 * <p>Jedis's own Sentinel support ({@code JedisSentinelPool}, {@code SentineledConnectionProvider}) starts a
 * listener thread per Sentinel; Chorus starts no threads behind the container's back (see {@code RedisBus}), and
 * needs none: every caller reconnects after a failure, and that is when the master may have moved.
 */
final class SentinelMaster {

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());

    private final SentinelUri uri;
    private final JedisClientConfig sentinelConfig;
    /** The Sentinels, the one that answered last first. */
    private final List<HostAndPort> sentinels = new ArrayList<>();

    private final AtomicReference<HostAndPort> lastMaster = new AtomicReference<>();

    SentinelMaster(SentinelUri uri, int timeoutMillis) {
        this.uri = uri;
        // Sentinels are asked without AUTH: the URI's credentials are the master's.
        this.sentinelConfig = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .protocol(RedisProtocol.RESP2)
                .clientName("chorus")
                .build();
        uri.sentinels().forEach(sentinel -> sentinels.add(new HostAndPort(sentinel.host(), sentinel.port())));
    }

    /**
     * A new connection to the master as the Sentinels know it now, checked to be one.
     *
     * @throws JedisException if no Sentinel answers, none knows the master, or it is not (yet) a master
     */
    Jedis connect(JedisClientConfig masterConfig) {
        HostAndPort master = locate();
        Jedis jedis = new Jedis(master, masterConfig);
        try {
            List<Object> role = jedis.role();
            if (role.isEmpty() || !"master".equals(String.valueOf(role.get(0)))) {
                throw new JedisConnectionException(
                        "Sentinel names " + master + " as master " + uri.master() + ", but it is not (yet) one");
            }
            return jedis;
        } catch (JedisException e) {
            jedis.close();
            throw e;
        }
    }

    /** Asks each Sentinel in turn; the first that knows the master moves to the front. */
    private HostAndPort locate() {
        JedisException lastFailure = null;
        for (HostAndPort sentinel : snapshot()) {
            try (Jedis asked = new Jedis(sentinel, sentinelConfig)) {
                List<String> address = asked.sentinelGetMasterAddrByName(uri.master());
                if (address == null || address.size() != 2) {
                    lastFailure = new JedisConnectionException(
                            "Sentinel " + sentinel + " does not know master " + uri.master());
                    continue;
                }
                toFront(sentinel);
                return changed(new HostAndPort(address.get(0), Integer.parseInt(address.get(1))));
            } catch (JedisException | NumberFormatException e) {
                lastFailure = e instanceof JedisException jedis
                        ? jedis
                        : new JedisConnectionException("Sentinel " + sentinel + " gave no port", e);
            }
        }
        throw new JedisConnectionException("no Sentinel named master " + uri.master(), lastFailure);
    }

    /** The master's address, with one log line whenever it is not the one found before. */
    private HostAndPort changed(HostAndPort master) {
        HostAndPort before = lastMaster.getAndSet(master);
        if (!master.equals(before)) {
            LOG.log(
                    Level.INFO,
                    "Sentinel names {0} as master {1}{2}",
                    master,
                    uri.master(),
                    before == null ? "" : " (before: " + before + ")");
        }
        return master;
    }

    private List<HostAndPort> snapshot() {
        synchronized (sentinels) {
            return List.copyOf(sentinels);
        }
    }

    private void toFront(HostAndPort sentinel) {
        synchronized (sentinels) {
            if (!Objects.equals(sentinels.get(0), sentinel)) {
                sentinels.remove(sentinel);
                sentinels.add(0, sentinel);
            }
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}

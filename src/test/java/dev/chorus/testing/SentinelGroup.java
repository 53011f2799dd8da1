package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A Redis that fails over, for one test: a primary, a replica of it and three Sentinels (quorum 2) watching it as
 * master {@value #MASTER}, all Debian {@code redis-server} processes on free loopback ports, with throw-away
 * directories and nothing saved. A Sentinel calls the primary down after {@link #DOWN_AFTER} without an answer.
 * Closing it kills them all.
 */
public final class SentinelGroup implements AutoCloseable {

    public static final String MASTER = "chorus";

    /** How long the Sentinels wait for the primary before they call it down. */
    public static final Duration DOWN_AFTER = Duration.ofSeconds(1);

    /** How long the Sentinels may take to find each other and the replica (they say hello every 2 s). */
    private static final Duration DISCOVERY = Duration.ofSeconds(30);

    /** How often a wait asks again: each question is a new connection. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final Path directory;
    private final List<RedisProcess> processes = new ArrayList<>();
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private RedisProcess primary;
    private int primaryPort;
    private int replicaPort;

    private SentinelGroup(Path directory) {
        this.directory = directory;
    }

    /** Starts all five and waits (bounded) until the Sentinels know the replica and each other. */
    public static SentinelGroup start() throws IOException {
        SentinelGroup group = new SentinelGroup(Files.createTempDirectory("chorus-sentinel"));
        try {
            group.startServers();
            for (int i = 0; i < 3; i++) {
                group.startSentinel(i);
            }
            group.awaitEverySentinel(DISCOVERY, "to know the replica and two other Sentinels", sentinel -> {
                List<?> replicas = sentinel.sentinelReplicas(MASTER);
                return replicas.size() == 1
                        && sentinel.sentinelSentinels(MASTER).size() == 2;
            });
            return group;
        } catch (IOException | RuntimeException | AssertionError e) {
            group.close();
            throw e;
        }
    }

    /** {@code redis-sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3#chorus}. */
    public URI uri() {
        String sentinels =
                sentinelPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return URI.create("redis-sentinel://" + sentinels + "#" + MASTER);
    }

    public HostAndPort primary() {
        return new HostAndPort("127.0.0.1", primaryPort);
    }

    public HostAndPort replica() {
        return new HostAndPort("127.0.0.1", replicaPort);
    }

    /** Kills the primary (SIGKILL), as a crash would, and waits until it is gone. */
    public void killPrimary() {
        primary.close();
    }

    /** Waits, at most {@code bound}, until every Sentinel names the replica as master and it acts as one. */
    public void awaitFailover(Duration bound) {
        awaitEverySentinel(bound, "to name the replica " + replica() + " as master", sentinel -> {
            List<String> address = sentinel.sentinelGetMasterAddrByName(MASTER);
            return address != null && Integer.toString(replicaPort).equals(address.get(1));
        });
        if (!"master".equals(role(replica()))) {
            fail("the Sentinels name " + replica() + " as master, but it is not one; " + describe());
        }
    }

    /**
     * Makes the replica lag behind as asynchronous replication may: once it has caught up on {@code stream} and
     * {@code counter}, it forgets the stream's newest entry and counts {@code counter} one lower, as if the
     * primary's last write had never reached it (a replica takes writes of its own only when told to).
     */
    public void replicaMissesTheLastWrite(String stream, String counter) {
        try (Jedis onPrimary = new Jedis(primary());
                Jedis onReplica = new Jedis(replica())) {
            Awaits.until(
                    () -> newest(onReplica, stream).equals(newest(onPrimary, stream))
                            && String.valueOf(onReplica.get(counter)).equals(onPrimary.get(counter)),
                    () -> "the replica to catch up on " + stream + " and " + counter + "; " + describe());
            onReplica.configSet("replica-read-only", "no");
            onReplica.xdel(stream, new StreamEntryID(newest(onReplica, stream)));
            onReplica.decr(counter);
            onReplica.configSet("replica-read-only", "yes");
        }
    }

    private static String newest(Jedis jedis, String stream) {
        List<StreamEntry> newest = jedis.xrevrange(stream, "+", "-", 1);
        return newest.isEmpty() ? "" : newest.get(0).getID().toString();
    }

    /** Tells a Sentinel to fail over now, the primary alive ({@code SENTINEL FAILOVER}, as for maintenance). */
    public void failOver() {
        try (Jedis sentinel = new Jedis("127.0.0.1", sentinelPorts.get(0))) {
            sentinel.sentinelFailover(MASTER);
        }
    }

    /**
     * Waits, at most {@code bound}, until the old primary, still alive, has been made a replica (the Sentinels wait
     * a few seconds after the failover before they reconfigure it).
     */
    public void awaitDemotion(Duration bound) {
        Awaits.until(
                bound,
                POLL,
                () -> "slave".equals(role(primary())),
                () -> "the old primary " + primary() + " a replica; " + describe());
    }

    private static String role(HostAndPort server) {
        try (Jedis jedis = new Jedis(server)) {
            return String.valueOf(jedis.role().get(0));
        } catch (JedisException e) {
            return "unknown: " + e;
        }
    }

    /** What every process printed, for failure messages. */
    public String describe() {
        return processes.stream().map(RedisProcess::describe).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws IOException {
        processes.forEach(RedisProcess::close);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private void startServers() throws IOException {
        primaryPort = RedisProcess.freePort();
        primary = RedisProcess.server("primary", "Ready to accept connections", primaryPort, directory);
        processes.add(primary);
        replicaPort = RedisProcess.freePort();
        String[] replicaOf = {"--replicaof", "127.0.0.1", Integer.toString(primaryPort)};
        processes.add(RedisProcess.server(
                "replica", "MASTER <-> REPLICA sync: Finished with success", replicaPort, directory, replicaOf));
    }

    private void startSentinel(int index) throws IOException {
        int port = RedisProcess.freePort();
        Path config = directory.resolve("sentinel-" + index + ".conf");
        // A Sentinel rewrites its own file (what it learned), so each has one; "monitor" comes first.
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "port " + port,
                        "bind 127.0.0.1",
                        "dir " + directory,
                        "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 2",
                        "sentinel down-after-milliseconds " + MASTER + " " + DOWN_AFTER.toMillis(),
                        "sentinel failover-timeout " + MASTER + " 4000",
                        "sentinel parallel-syncs " + MASTER + " 1",
                        ""));
        processes.add(RedisProcess.start("sentinel-" + index, "+monitor master", config.toString(), "--sentinel"));
        sentinelPorts.add(port);
    }

    /** Asks every Sentinel until each says yes, at most {@code bound} in all; a Sentinel that fails says no. */
    private void awaitEverySentinel(Duration bound, String what, Predicate<Jedis> says) {
        Awaits.until(
                bound,
                POLL,
                () -> sentinelPorts.stream().allMatch(port -> ask(port, says)),
                () -> "every Sentinel " + what + "; " + describe());
    }

    private static boolean ask(int port, Predicate<Jedis> says) {
        try (Jedis sentinel = new Jedis("127.0.0.1", port)) {
            return says.test(sentinel);
        } catch (JedisException e) {
            return false;
        }
    }
}

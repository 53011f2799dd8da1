package dev.chorus.benchmark;

import dev.chorus.testing.RedisServer;
import dev.chorus.testing.TcpProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Chorus scaled out: two launcher nodes ({@code --redis}) on a redis-server of their own, all on 127.0.0.1. A
 * room is spread over both nodes; CPU and memory are the nodes' and Redis's together; log lines (a slow
 * consumer's eviction) are the first node's, where single-socket workloads connect.
 */
final class ClusterServer implements Server {

    static final int NODES = 2;

    private final RedisServer redis;
    private final Optional<TcpProxy> proxy;
    private final List<ServerProcess> nodes;

    private ClusterServer(RedisServer redis, Optional<TcpProxy> proxy, List<ServerProcess> nodes) {
        this.redis = redis;
        this.proxy = proxy;
        this.nodes = nodes;
    }

    /**
     * Starts Redis, then the nodes with {@code jvmOptions}, {@code settings} and {@code redis}; node N logs to
     * {@code log}-node-N.
     */
    static ClusterServer start(Path jar, List<String> jvmOptions, Map<String, String> settings, Path log)
            throws IOException {
        return start(jar, jvmOptions, settings, log, false);
    }

    /** Like {@link #start(Path, List, Map, Path)}, but the nodes reach Redis through a {@link #proxy}, to slow it. */
    static ClusterServer startProxied(Path jar, List<String> jvmOptions, Map<String, String> settings, Path log)
            throws IOException {
        return start(jar, jvmOptions, settings, log, true);
    }

    private static ClusterServer start(
            Path jar, List<String> jvmOptions, Map<String, String> settings, Path log, boolean proxied)
            throws IOException {
        RedisServer redis;
        try {
            redis = RedisServer.launch();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Redis started");
        } catch (AssertionError e) {
            throw new IOException("redis-server did not start (is it installed?): " + e.getMessage());
        }
        Optional<TcpProxy> proxy = Optional.empty();
        Map<String, String> withRedis = new HashMap<>(settings);
        withRedis.put("redis", redis.uri().toString());
        List<ServerProcess> nodes = new ArrayList<>();
        try {
            if (proxied) {
                proxy = Optional.of(
                        TcpProxy.to(redis.uri().getHost(), redis.uri().getPort()));
                withRedis.put("redis", "redis://127.0.0.1:" + proxy.get().port());
            }
            for (int n = 1; n <= NODES; n++) {
                String name = log.getFileName().toString().replaceFirst("\\.log$", "") + "-node-" + n + ".log";
                nodes.add(ServerProcess.start(
                        ServerProcess.chorus(jar, jvmOptions, withRedis), log.resolveSibling(name)));
            }
        } catch (IOException e) {
            nodes.forEach(ServerProcess::close);
            proxy.ifPresent(ClusterServer::closeQuietly);
            closeQuietly(redis);
            throw e;
        }
        return new ClusterServer(redis, proxy, nodes);
    }

    /** The proxy between the nodes and Redis, if it was started with one. */
    Optional<TcpProxy> proxy() {
        return proxy;
    }

    @Override
    public URI uri() {
        return nodes.get(0).uri();
    }

    @Override
    public List<URI> uris() {
        return nodes.stream().map(ServerProcess::uri).toList();
    }

    @Override
    public OptionalLong rssKib() {
        return sum(ServerProcess::rssKib);
    }

    /** The nodes' figures added up, or empty if any node has none. */
    private OptionalLong sum(Function<ServerProcess, OptionalLong> figure) {
        long sum = 0;
        for (ServerProcess node : nodes) {
            OptionalLong value = figure.apply(node);
            if (value.isEmpty()) {
                return OptionalLong.empty();
            }
            sum += value.getAsLong();
        }
        return OptionalLong.of(sum);
    }

    @Override
    public OptionalLong openFiles() {
        return sum(ServerProcess::openFiles);
    }

    @Override
    public OptionalLong threads() {
        return sum(ServerProcess::threads);
    }

    @Override
    public OptionalLong liveHeapKib() {
        return sum(ServerProcess::liveHeapKib);
    }

    @Override
    public OptionalDouble cpuSeconds() {
        Optional<java.time.Duration> redisCpu = redis.handle().info().totalCpuDuration();
        double sum = redisCpu.map(cpu -> cpu.toNanos() / 1e9).orElse(0.0);
        for (ServerProcess node : nodes) {
            OptionalDouble cpu = node.cpuSeconds();
            if (cpu.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += cpu.getAsDouble();
        }
        return OptionalDouble.of(sum);
    }

    @Override
    public void watchLog(Pattern pattern) {
        nodes.get(0).watchLog(pattern);
    }

    @Override
    public Optional<LogLine> logSeen(Pattern pattern) {
        return nodes.get(0).logSeen(pattern);
    }

    @Override
    public void close() {
        nodes.forEach(ServerProcess::close);
        proxy.ifPresent(ClusterServer::closeQuietly);
        closeQuietly(redis);
    }

    private static void closeQuietly(TcpProxy proxy) {
        try {
            proxy.close();
        } catch (IOException e) {
            Runs.progress("could not close the proxy to Redis: " + e);
        }
    }

    private static void closeQuietly(RedisServer redis) {
        try {
            redis.close();
        } catch (IOException e) {
            Runs.progress("could not remove Redis's directory: " + e);
        }
    }
}

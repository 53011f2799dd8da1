package dev.chorus.testing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Chorus node of a test cluster: {@code chorus.jar --redis URI} in a process of its own (as a node runs in
 * production, so a test can kill it), on 127.0.0.1 and a free port. Closing it kills the process.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Chorus listening on (ws://\\S+)");

    private final JarProcess process;
    private final URI uri;

    private ClusterNode(JarProcess process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts a node on {@code redis} and waits until it listens. */
    public static ClusterNode start(URI redis, String... moreArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--redis", redis.toString()));
        args.addAll(List.of(moreArgs));
        JarProcess process = JarProcess.start(args.toArray(String[]::new));
        try {
            return new ClusterNode(
                    process, URI.create(process.awaitLog(LISTENING).group(1)));
        } catch (AssertionError | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/}. */
    public URI uri() {
        return uri;
    }

    /** {@code path} on the node's HTTP side, e.g. {@code /health/ready}. */
    public URI http(String path) {
        return URI.create("http://" + uri.getHost() + ":" + uri.getPort() + path);
    }

    /** Waits for the node's next log line containing {@code text}; lines before it are skipped. */
    public void awaitLog(String text) throws InterruptedException {
        process.awaitLog(Pattern.compile(Pattern.quote(text)));
    }

    /** Sends SIGTERM, as a service manager would: the node drains its clients and exits. */
    public void terminate() {
        process.terminate();
    }

    /** Waits (bounded) for the process to end; returns its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.awaitExit();
    }

    /** Everything the node logged so far, for failure messages. */
    public List<String> log() {
        return process.stderr();
    }

    @Override
    public void close() {
        process.close();
    }
}

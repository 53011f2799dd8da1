package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's {@code redis-server} for one test class, on a free loopback port with a throw-away directory and
 * nothing saved (a restart starts empty, as a Redis without persistence does): {@code @RegisterExtension static
 * final RedisServer REDIS = new RedisServer();}. A test may {@link #kill} it and {@link #start} it again on the
 * same port; if a test fails while it is down, the next test finds it running again.
 */
public final class RedisServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    private static final String READY = "Ready to accept connections";

    private final List<String> output = new ArrayList<>();
    private Path directory;
    private int port;
    private Process process;

    /** Outside JUnit (the benchmark): one started now, stopped by {@link #close}. */
    public static RedisServer launch() throws IOException, InterruptedException {
        RedisServer redis = new RedisServer();
        redis.open();
        return redis;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        open();
    }

    /** A test that failed during an outage left it dead: the tests after it must not fail for that. */
    @Override
    public void beforeEach(ExtensionContext context) throws IOException, InterruptedException {
        if (process != null && !process.isAlive()) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        close();
    }

    private void open() throws IOException, InterruptedException {
        directory = Files.createTempDirectory("chorus-redis");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        start();
    }

    /** Kills it and removes its directory. */
    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** Its process, e.g. to read its CPU time. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** {@code redis://127.0.0.1:PORT}, the same across restarts. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Starts it (again) on its port and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        "redis-server",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        directory.toString())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process, ready), "redis-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            fail("redis-server did not get ready on port " + port + ": " + e + "; its output: " + output());
        }
    }

    /** Kills it at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("redis-server did not die; its output: " + output());
            }
        }
    }

    /** What it printed so far, for failure messages. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private void pump(Process started, CompletableFuture<Void> ready) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.contains(READY)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("redis-server exited"));
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException(e));
        }
    }
}

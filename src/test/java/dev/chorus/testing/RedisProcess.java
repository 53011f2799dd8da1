package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code redis-server} process of a test (a server, a replica or, with {@code --sentinel}, a Sentinel), started
 * with the given arguments and awaited until it prints a line that says it is ready. Closing it kills it.
 */
public final class RedisProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> output = new ArrayList<>();

    private RedisProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** A port that was free a moment ago, for a process to bind. */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Starts {@code redis-server args…} and waits (bounded) for a line containing {@code ready}. */
    public static RedisProcess start(String name, String ready, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        command.addAll(List.of(args));
        RedisProcess started = new RedisProcess(
                name, new ProcessBuilder(command).redirectErrorStream(true).start());
        CompletableFuture<Void> isReady = new CompletableFuture<>();
        Thread reader = new Thread(() -> started.pump(ready, isReady), name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            isReady.get(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            started.close();
            fail(name + " did not get ready: " + e + "; its output: " + started.output());
        }
        return started;
    }

    /**
     * Starts a server on loopback {@code port} that saves nothing, in a directory of its own under {@code parent},
     * with {@code more} arguments (e.g. {@code --replicaof}).
     */
    public static RedisProcess server(String name, String ready, int port, Path parent, String... more)
            throws IOException {
        Path dir = Files.createDirectory(parent.resolve(name));
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", Integer.toString(port)));
        args.addAll(List.of("--save", "", "--appendonly", "no", "--dir", dir.toString()));
        args.addAll(List.of(more));
        return start(name, ready, args.toArray(String[]::new));
    }

    /** Kills it at once (SIGKILL), as a crash would, and waits (bounded) until it is gone. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(name + " did not die; its output: " + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Its name and what it printed so far, for failure messages. */
    public String describe() {
        return name + ": " + String.join("\n  ", output());
    }

    private List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private void pump(String ready, CompletableFuture<Void> isReady) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.contains(ready)) {
                    isReady.complete(null);
                }
            }
            isReady.completeExceptionally(new IllegalStateException(name + " exited"));
        } catch (IOException e) {
            isReady.completeExceptionally(new UncheckedIOException(e));
        }
    }
}

package dev.chorus.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives every benchmark connection from this one process: one JDK {@link HttpClient} (its selector thread
 * does the reading) with a small fixed executor for its callbacks, so thousands of sockets cost no thread each.
 */
final class LoadClient implements AutoCloseable {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService executor;
    private final HttpClient http;

    LoadClient(int threads) {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "load-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(HANDSHAKE_TIMEOUT)
                .build();
    }

    /**
     * Opens {@code count} connections to {@code uri}, at most {@code inFlight} handshakes at a time, each with
     * a fresh receiver and offering {@code dialect}'s subprotocol if it has one; stops starting new ones when
     * {@code limit} has passed and waits no longer than that.
     */
    Connections connect(URI uri, Dialect dialect, int count, int inFlight, Supplier<Receiver> receivers, Duration limit)
            throws InterruptedException {
        Connections connections = new Connections(count);
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                break;
            }
            Receiver receiver = receivers.get();
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT);
            if (!dialect.subprotocol().isEmpty()) {
                builder.subprotocols(dialect.subprotocol());
            }
            builder.buildAsync(uri, receiver).whenComplete((socket, error) -> {
                if (error == null) {
                    receiver.attach(socket);
                    connections.opened(receiver);
                } else {
                    connections.failed(reason(error));
                }
                slots.release();
                done.countDown();
            });
        }
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        connections.finished();
        return connections;
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WebSocketHandshakeException refused) {
            return "handshake refused with HTTP " + refused.getResponse().statusCode();
        }
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + (message.length() > 80 ? message.substring(0, 80) : message);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

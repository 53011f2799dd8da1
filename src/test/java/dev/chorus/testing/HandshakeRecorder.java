package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain HTTP server on 127.0.0.1 and a free port that refuses every WebSocket upgrade with one status
 * (e.g. 403) and keeps each request's headers, so a test can see what a client sent and how it takes a
 * refusal. The JDK's own {@code com.sun.net.httpserver}: nothing of the launcher's.
 */
public final class HandshakeRecorder implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Headers> requests = new LinkedBlockingQueue<>();

    private HandshakeRecorder(HttpServer server) {
        this.server = server;
    }

    /** Answers every request with {@code status} and an empty body. */
    public static HandshakeRecorder refusingWith(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HandshakeRecorder recorder = new HandshakeRecorder(server);
        server.createContext("/", exchange -> {
            recorder.requests.add(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return recorder;
    }

    /** {@code ws://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The headers of the next request received, waiting at most {@link Peer#WAIT}. */
    public Headers nextRequest() throws InterruptedException {
        Headers headers = requests.poll(Peer.WAIT.toNanos(), TimeUnit.NANOSECONDS);
        if (headers == null) {
            fail("no request reached the recorder within " + Peer.WAIT.toSeconds() + " s");
        }
        return headers;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.chorus.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.core.HandshakeException;

/**
 * One WebSocket connection to a chat server. Received messages (a {@link String} for text, a read-only
 * {@link ByteBuffer} for binary) wait in a queue for {@link #receive}; {@link #closed()} completes with the
 * close code and reason, whoever closed.
 */
public final class ChatClient implements AutoCloseable {

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private volatile Session session;

    private ChatClient() {}

    /** Opens a connection to {@code uri}, waiting at most {@code timeout} for the handshake. */
    public static ChatClient connect(URI uri, Duration timeout) throws ConnectFailure {
        ChatClient client = new ChatClient();
        ClientManager manager = ClientManager.createClient();
        manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) timeout.toMillis());
        try {
            client.session = manager.connectToServer(
                    client.new Listener(), ClientEndpointConfig.Builder.create().build(), uri);
        } catch (DeploymentException | IOException e) {
            throw classify(uri, e);
        }
        return client;
    }

    public void send(String text) throws IOException {
        session.getBasicRemote().sendText(text);
    }

    public void send(ByteBuffer data) throws IOException {
        session.getBasicRemote().sendBinary(data);
    }

    /** The next message (a String or a ByteBuffer), or {@code null} if none came within {@code timeout}. */
    public Object receive(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Completes when the connection is closed, with the code and reason that closed it. */
    public CompletableFuture<CloseReason> closed() {
        return closed;
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Closes with {@code reason}; does nothing if already closed. */
    public void close(CloseReason reason) throws IOException {
        if (session.isOpen()) {
            session.close(reason);
        }
    }

    /** Closes normally (1000). */
    @Override
    public void close() throws IOException {
        close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
    }

    private static ConnectFailure classify(URI uri, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException h) {
                return new ConnectFailure(
                        ConnectFailure.Kind.REJECTED,
                        "the server at " + uri + " refused the handshake: HTTP " + h.getHttpStatusCode(),
                        e);
            }
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return new ConnectFailure(
                        ConnectFailure.Kind.UNREACHABLE, "cannot reach " + uri + ": " + t.getMessage(), e);
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                return new ConnectFailure(ConnectFailure.Kind.TIMEOUT, "no handshake from " + uri + " in time", e);
            }
        }
        return new ConnectFailure(ConnectFailure.Kind.OTHER, "cannot connect to " + uri + ": " + e.getMessage(), e);
    }

    private final class Listener extends Endpoint {
        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened.addMessageHandler(String.class, received::add);
            opened.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::binary);
        }

        private void binary(ByteBuffer data) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            received.add(copy.asReadOnlyBuffer());
        }

        @Override
        public void onClose(Session closing, CloseReason reason) {
            closed.complete(reason);
        }
    }
}

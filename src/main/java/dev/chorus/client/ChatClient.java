package dev.chorus.client;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket connection, on the Tyrus client. Its events go either to a {@link ClientListener} of yours,
 * or — when you give none — into a queue: received messages (a {@link String} for text, a read-only
 * {@link ByteBuffer} for binary) wait for {@link #receive}, pongs for {@link #receivePong}. {@link #closed()}
 * completes with the close code and reason, whoever closed. Sending is safe from any thread.
 */
public final class ChatClient implements AutoCloseable {

    private final URI uri;
    private final ClientListener listener;
    private final Inbox inbox;
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private final Duration closeTimeout;
    private volatile Session session;
    private volatile boolean closeRequested;
    /** Our close frame is sent and the server's answer awaited, or null. */
    private volatile ClosingHandshake handshake;

    private ChatClient(URI uri, ClientListener listener, Inbox inbox, Duration closeTimeout) {
        this.uri = uri;
        this.listener = listener;
        this.inbox = inbox;
        this.closeTimeout = closeTimeout;
    }

    /** Opens a connection to {@code uri} with the default options, waiting at most {@code timeout} for it. */
    public static ChatClient connect(URI uri, Duration timeout) throws ConnectFailure {
        return connect(uri, ClientOptions.defaults().withHandshakeTimeout(timeout));
    }

    /** Opens a connection whose messages and pongs are queued for {@link #receive} and {@link #receivePong}. */
    public static ChatClient connect(URI uri, ClientOptions options) throws ConnectFailure {
        Inbox inbox = new Inbox();
        return open(uri, options, inbox, inbox);
    }

    /** Opens a connection whose events all go to {@code listener}; {@link #receive} is then not available. */
    public static ChatClient connect(URI uri, ClientOptions options, ClientListener listener) throws ConnectFailure {
        return open(uri, options, listener, null);
    }

    private static ChatClient open(URI uri, ClientOptions options, ClientListener listener, Inbox inbox)
            throws ConnectFailure {
        ChatClient client = new ChatClient(uri, listener, inbox, options.handshakeTimeout());
        Connector.connect(uri, options, client.new Events());
        return client;
    }

    public URI uri() {
        return uri;
    }

    /** The subprotocol the server chose from those offered, or {@code ""} if none. */
    public String subprotocol() {
        return session.getNegotiatedSubprotocol();
    }

    public void send(String text) throws IOException {
        send(remote -> remote.sendText(text));
    }

    public void send(ByteBuffer data) throws IOException {
        send(remote -> remote.sendBinary(data));
    }

    /** Sends a ping carrying {@code payload} (at most 125 bytes); the pong comes back as an event. */
    public void ping(ByteBuffer payload) throws IOException {
        send(remote -> remote.sendPing(payload));
    }

    private void send(Sending sending) throws IOException {
        synchronized (sendLock) {
            if (closeRequested) {
                throw new IOException("the connection to " + uri + " is closing");
            }
            try {
                sending.to(session.getBasicRemote());
            } catch (IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
                // Tyrus's ways of saying the session is closed or closing (the second when the server's close
                // crossed the send and its timers are gone): for callers, just a failed send.
                throw new IOException("the connection to " + uri + " is closed", e);
            }
        }
    }

    /** One blocking send through Tyrus. */
    private interface Sending {
        void to(RemoteEndpoint.Basic remote) throws IOException;
    }

    /**
     * The next message (a String or a ByteBuffer), or {@code null} if none came within {@code timeout} or the
     * connection is closed and every message has been read.
     */
    public Object receive(Duration timeout) throws InterruptedException {
        return queue().message(timeout);
    }

    /** The payload of the next pong, or {@code null} if none came within {@code timeout}. */
    public ByteBuffer receivePong(Duration timeout) throws InterruptedException {
        return queue().pong(timeout);
    }

    private Inbox queue() {
        if (inbox == null) {
            throw new IllegalStateException("this client's events go to its listener, not to a queue");
        }
        return inbox;
    }

    /**
     * Completes when the connection is closed, with the code and reason that closed it. When this side closes,
     * that is the server's answering close (an RFC 6455 server echoes our code and reason), or
     * {@link CloseReasons#NO_CLOSE_ANSWER} if none came within the handshake timeout.
     */
    public CompletableFuture<CloseReason> closed() {
        return closed;
    }

    /** Whether this side asked to close. */
    public boolean closeRequested() {
        return closeRequested;
    }

    /** Whether messages can still be sent: open, and this side has not asked to close. */
    public boolean isOpen() {
        return !closeRequested && session.isOpen();
    }

    /**
     * Starts the closing handshake with {@code reason} and returns: from now on nothing more is sent, but
     * messages keep arriving until the server's close answers ours, or the handshake timeout passes and the
     * connection is dropped ({@link #closed()} says which). Does nothing if already closed or closing.
     */
    public void close(CloseReason reason) throws IOException {
        synchronized (sendLock) {
            if (!closeRequested) {
                closeRequested = true;
                handshake = ClosingHandshake.start(session, reason, closeTimeout, closed);
            }
        }
    }

    public void close(int code, String reason) throws IOException {
        close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    }

    /**
     * Closes with {@code reason} without waiting for the server's answer, for a server that is not answering
     * anything (no pong): our close frame is sent if it was not yet, the connection dropped at once.
     */
    public void closeNow(CloseReason reason) throws IOException {
        closeRequested = true;
        ClosingHandshake underWay = handshake;
        if (underWay != null) {
            underWay.abandon(reason);
        } else if (session.isOpen()) {
            session.close(reason);
        }
    }

    /** Closes normally: 1000 {@code bye}. */
    @Override
    public void close() throws IOException {
        close(CloseReasons.CLIENT_DONE);
    }

    /** Tyrus's view of the connection, translated into listener calls. */
    private final class Events extends Endpoint {
        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            session = opened;
            opened.addMessageHandler(String.class, listener::onMessage);
            opened.addMessageHandler(
                    ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> listener.onMessage(copy(data)));
            opened.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>)
                    pong -> listener.onPong(copy(pong.getApplicationData())));
            listener.onOpen(ChatClient.this);
        }

        @Override
        public void onClose(Session closing, CloseReason reason) {
            try {
                listener.onClose(reason);
            } finally {
                closed.complete(reason);
            }
        }

        @Override
        public void onError(Session failing, Throwable error) {
            listener.onError(error);
        }

        /** Tyrus reuses its buffers once the handler returns. */
        private ByteBuffer copy(ByteBuffer data) {
            return ByteBuffer.allocate(data.remaining()).put(data).flip().asReadOnlyBuffer();
        }
    }
}

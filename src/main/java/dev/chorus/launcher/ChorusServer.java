package dev.chorus.launcher;

import dev.chorus.chat.ChatRoom;
import dev.chorus.chat.Housekeeper;
import dev.chorus.endpoint.ChatEndpoint;
import dev.chorus.settings.Settings;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * A running launcher: one Grizzly listener on the configured host and port carrying both the chat socket and
 * the page. {@link #start} is the one wiring method; {@code main} and the tests both use it.
 */
public final class ChorusServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChorusServer.class.getName());
    /** How long a stop waits for clients to take their 1001 close before the sockets are cut. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final HttpServer http;
    private final NetworkListener listener;
    private final ChatContainer container;
    private final ChatRoom room;

    private ChorusServer(HttpServer http, NetworkListener listener, ChatContainer container, ChatRoom room) {
        this.http = http;
        this.listener = listener;
        this.container = container;
        this.room = room;
    }

    /**
     * Binds {@code settings.host():settings.port()} and serves the chat there.
     *
     * @throws IOException if the address cannot be bound
     */
    public static ChorusServer start(Settings settings) throws IOException {
        return start(settings, ChatEndpoint.class);
    }

    /**
     * Like {@link #start(Settings)}, but with {@code endpoint} at "/" instead of {@link ChatEndpoint}: the
     * benchmark serves its naive baseline this way, so the two servers differ only in the endpoint.
     */
    public static ChorusServer start(Settings settings, Class<?> endpoint) throws IOException {
        ChatRoom room = new ChatRoom(settings, Housekeeper.daemonThreads());
        ChatRoom.install(room);
        ChatContainer container = new ChatContainer(endpoint);
        try {
            container.deploy();
        } catch (DeploymentException e) {
            throw new IllegalStateException("the chat endpoint could not be deployed", e);
        }
        NetworkListener listener = new NetworkListener("chorus", settings.host(), settings.port());
        configure(listener, container);
        HttpServer http = new HttpServer();
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(pages(), "/");
        http.start();
        ChorusServer server = new ChorusServer(http, listener, container, room);
        LOG.log(Level.INFO, "Chorus listening on {0} (page at {1})", server.uri(), server.pageUri());
        return server;
    }

    private static void configure(NetworkListener listener, ChatContainer container) {
        // Grizzly's file cache sits before the WebSocket filter: once it holds index.html it would answer
        // upgrades on "/" with the page. The static handler below caches nothing either.
        listener.getFileCache().setEnabled(false);
        // A WebSocket may be idle for long; liveness is the heartbeat's business, not HTTP keep-alive's.
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        TCPNIOTransport transport = listener.getTransport();
        transport.setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.registerAddOn(new WebSocketAddOn(container, container.contextPath()));
    }

    private static CLStaticHttpHandler pages() {
        CLStaticHttpHandler pages = new CLStaticHttpHandler(ChorusServer.class.getClassLoader(), "/webapp/");
        pages.setFileCacheEnabled(false);
        return pages;
    }

    /** The port actually bound (the chosen one when the setting was 0). */
    public int port() {
        return listener.getPort();
    }

    /** The chat socket's URI, e.g. {@code ws://127.0.0.1:9001/}. */
    public URI uri() {
        return uri("ws");
    }

    /** The page's URI, e.g. {@code http://127.0.0.1:9001/}. */
    public URI pageUri() {
        return uri("http");
    }

    private URI uri(String scheme) {
        try {
            return new URI(scheme, null, listener.getHost(), port(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable host " + listener.getHost(), e);
        }
    }

    /** Closes every client with 1001, gives them a moment to read it, then releases the port. */
    @Override
    public void close() {
        room.stop();
        try {
            // A graceful transport shutdown writes out what is queued (the close frames) before it closes.
            http.shutdown(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .get(CLOSE_GRACE.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.DEBUG, () -> "Graceful stop did not finish: " + e);
        }
        http.shutdownNow();
        container.stop();
        LOG.log(Level.INFO, "Chorus stopped");
    }
}

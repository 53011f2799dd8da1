package dev.chorus.launcher;

import dev.chorus.broadcast.CloseWatch;
import dev.chorus.chat.ChatRoom;
import dev.chorus.chat.Hosting;
import dev.chorus.chat.Housekeeper;
import dev.chorus.endpoint.ChatEndpoint;
import dev.chorus.endpoint.RoomEndpoint;
import dev.chorus.endpoint.Rooms;
import dev.chorus.handshake.UpgradeGate;
import dev.chorus.settings.Settings;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

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
    private final Optional<NetworkListener> plain;
    private final ChatContainer container;
    private final ChatRoom room;
    private final ConnectionDeadlines deadlines;
    private final ConnectionDeadlines closes;
    private final LauncherOps ops;

    private ChorusServer(
            HttpServer http,
            NetworkListener listener,
            Optional<NetworkListener> plain,
            ChatContainer container,
            ChatRoom room,
            ConnectionDeadlines deadlines,
            ConnectionDeadlines closes,
            LauncherOps ops) {
        this.http = http;
        this.listener = listener;
        this.plain = plain;
        this.container = container;
        this.room = room;
        this.deadlines = deadlines;
        this.closes = closes;
        this.ops = ops;
    }

    /**
     * Binds {@code settings.host():settings.port()} (and the plain port, if set) and serves the chat there.
     *
     * @throws IOException if the address cannot be bound
     * @throws dev.chorus.settings.InvalidSettingException if the TLS files cannot be used
     */
    public static ChorusServer start(Settings settings) throws IOException {
        return start(settings, Set.of(ChatEndpoint.class, RoomEndpoint.class));
    }

    /**
     * Like {@link #start(Settings)}, but with {@code endpoint} at "/" instead of {@link ChatEndpoint}: the
     * benchmark serves its naive baseline this way, so the two servers differ only in the endpoint.
     */
    public static ChorusServer start(Settings settings, Class<?> endpoint) throws IOException {
        return start(settings, Set.of(endpoint));
    }

    private static ChorusServer start(Settings settings, Set<Class<?>> endpoints) throws IOException {
        // TLS first: a bad keystore must stop startup before anything binds.
        SSLContext tls = settings.tls().map(TlsContext::create).orElse(null);
        int maxMessageBytes = settings.inboundLimits().maxMessageBytes();
        Optional<DeflateExtension> deflate =
                settings.compression() ? Optional.of(new DeflateExtension(maxMessageBytes)) : Optional.empty();
        ChatContainer container = new ChatContainer(
                endpoints, maxMessageBytes, Set.copyOf(deflate.stream().toList()));
        try {
            container.deploy();
        } catch (DeploymentException e) {
            throw new IllegalStateException("the chat endpoint could not be deployed", e);
        }
        HttpServer http = new HttpServer();
        ConnectionDeadlines deadlines =
                ConnectionDeadlines.handshake(settings.handshake().timeout());
        ConnectionDeadlines closes = ConnectionDeadlines.close(settings.closeTimeout());
        CloseWatch closeWatch = TyrusCloseWatch.forThisTyrus();
        ChatRoom room = new ChatRoom(
                settings,
                new Hosting(
                        Housekeeper.daemonThreads(),
                        TyrusFrameWire.forThisTyrus(),
                        closeWatch,
                        new TyrusPeers(closeWatch),
                        new HandedOff(closeWatch)));
        deflate.ifPresent(extension -> extension.countInto(room.metrics()));
        Rooms.serve(container, room);
        UpgradeGate gate = FrontFilters.gate(settings, room);
        NetworkListener listener = Listeners.create(
                "chorus",
                settings.host(),
                settings.port(),
                container,
                FrontFilters.of(settings, gate, room, deadlines, closes),
                tls);
        http.addListener(listener);
        Optional<NetworkListener> plain = settings.plainPort().isPresent()
                ? Optional.of(Listeners.create(
                        "chorus-plain",
                        settings.host(),
                        settings.plainPort().getAsInt(),
                        container,
                        FrontFilters.of(settings, gate, room, deadlines, closes),
                        null))
                : Optional.empty();
        plain.ifPresent(http::addListener);
        http.getServerConfiguration().addHttpHandler(pages(), "/");
        http.getServerConfiguration().addHttpHandler(new RoomPages(), RoomPages.MAPPING);
        room.metrics().watchHandshakes(deadlines::pending);
        room.metrics().watchCloses(closes::pending);
        List<NetworkListener> listeners = new ArrayList<>(List.of(listener));
        plain.ifPresent(listeners::add);
        LauncherOps ops = LauncherOps.wire(http, listeners, settings.operations(), room);
        try {
            http.start();
            ops.start();
        } catch (IOException e) {
            room.stop();
            Rooms.withdraw(container);
            http.shutdownNow();
            container.stop();
            deadlines.close();
            closes.close();
            throw e;
        }
        ChorusServer server = new ChorusServer(http, listener, plain, container, room, deadlines, closes, ops);
        server.logAddresses();
        return server;
    }

    private void logAddresses() {
        LOG.log(Level.INFO, "Chorus listening on {0} (page at {1})", uri(), pageUri());
        plain.ifPresent(p -> LOG.log(
                Level.INFO,
                "Chorus also listening on {0} (page at {1})",
                Listeners.uri(p, true),
                Listeners.uri(p, false)));
    }

    private static CLStaticHttpHandler pages() {
        CLStaticHttpHandler pages = new CLStaticHttpHandler(ChorusServer.class.getClassLoader(), "/webapp/");
        pages.setFileCacheEnabled(false);
        return pages;
    }

    /** The room it serves (for embedding and for tests: its metrics, admission and audience). */
    public ChatRoom room() {
        return room;
    }

    /** The port actually bound (the chosen one when the setting was 0). */
    public int port() {
        return listener.getPort();
    }

    /** The chat socket's URI, e.g. {@code ws://127.0.0.1:9001/} or, with TLS, {@code wss://…}. */
    public URI uri() {
        return Listeners.uri(listener, true);
    }

    /** The page's URI, e.g. {@code http://127.0.0.1:9001/} or, with TLS, {@code https://…}. */
    public URI pageUri() {
        return Listeners.uri(listener, false);
    }

    /** With TLS and a plain port: the plain chat socket's URI. */
    public Optional<URI> plainUri() {
        return plain.map(p -> Listeners.uri(p, true));
    }

    /**
     * The admin endpoints' base URI: with {@code --admin-port} on 127.0.0.1, or with {@code --internal-port} and
     * {@code --admin-token} on the internal listener.
     */
    public Optional<URI> adminUri() {
        return ops.adminUri();
    }

    /** With {@code --internal-port}: where metrics ({@code /metrics}), health and admin are served instead. */
    public Optional<URI> internalUri() {
        return ops.internalUri();
    }

    /**
     * Refuses new clients, lets queued messages go out (at most {@code --drain-timeout}), closes every client
     * with 1001, gives them a moment to read it, then releases the ports.
     */
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
        deadlines.close();
        closes.close();
        ops.close();
        Rooms.withdraw(container);
        container.stop();
        LOG.log(Level.INFO, "Chorus stopped");
    }
}

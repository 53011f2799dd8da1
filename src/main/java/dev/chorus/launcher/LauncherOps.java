package dev.chorus.launcher;

import dev.chorus.admin.AdminEndpoint;
import dev.chorus.admin.Controls;
import dev.chorus.admin.DirectoryPublishing;
import dev.chorus.admin.Publishing;
import dev.chorus.admin.RoomsApi;
import dev.chorus.chat.ChatRoom;
import dev.chorus.health.HealthEndpoint;
import dev.chorus.metrics.MetricsEndpoint;
import dev.chorus.settings.Operations;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * The launcher's operations side, wired in one place: connection tracking for abrupt disconnects, and metrics, health and admin where the settings put them: metrics and
 * health beside the page on the chat port(s) by default; all three on {@code --internal-host:--internal-port}
 * when it is set (and then not on the chat port); the admin endpoints alone on 127.0.0.1 with
 * {@code --admin-port}.
 */
final class LauncherOps implements AutoCloseable {

    /** Loopback only: {@code --admin-port} is for someone on this machine (or a tunnel they opened). */
    static final String ADMIN_HOST = "127.0.0.1";

    private final Operations settings;
    private final ChatRoom room;
    private final ConnectionTracker connections = new ConnectionTracker();
    private Optional<InternalServer> admin = Optional.empty();
    private Optional<InternalServer> internal = Optional.empty();

    private LauncherOps(Operations settings, ChatRoom room) {
        this.settings = settings;
        this.room = room;
    }

    /** Registers everything on {@code http} and its chat {@code listeners}; call before {@code http} starts. */
    static LauncherOps wire(HttpServer http, List<NetworkListener> listeners, Operations settings, ChatRoom room) {
        LauncherOps ops = new LauncherOps(settings, room);
        for (NetworkListener listener : listeners) {
            ops.connections.watch(listener);
        }
        if (settings.internal().isEmpty()) {
            ops.metricsAndHealth()
                    .forEach((mapping, handler) -> http.getServerConfiguration().addHttpHandler(handler, mapping));
        }
        return ops;
    }

    /** Metrics and health by their Grizzly mappings, as the settings name their paths. */
    private Map<String, HttpHandler> metricsAndHealth() {
        Map<String, HttpHandler> handlers = new LinkedHashMap<>();
        settings.metricsPath()
                .ifPresent(path -> handlers.put(path, new OpsHandler(path, new MetricsEndpoint(room::metrics), 0)));
        settings.healthPath()
                .ifPresent(path ->
                        handlers.put(path + "/*", new OpsHandler(path, new HealthEndpoint(room::admission), 0)));
        return handlers;
    }

    /** Starts the internal or the admin listener, if configured; call once the chat port is up. */
    void start() throws IOException {
        Optional<HttpHandler> adminEndpoints = settings.adminToken().map(token -> {
            Controls controls = new Controls(room, connections);
            Publishing publishing = new DirectoryPublishing(room.directory());
            RoomsApi rooms = RoomsApi.of(room.settings(), () -> publishing);
            return new OpsHandler(
                    "",
                    new AdminEndpoint(token, () -> controls, rooms),
                    room.settings().inboundLimits().maxMessageBytes());
        });
        if (settings.internal().isPresent()) {
            Map<String, HttpHandler> handlers = metricsAndHealth();
            adminEndpoints.ifPresent(handler -> handlers.put("/", handler));
            Operations.Internal where = settings.internal().get();
            internal = Optional.of(InternalServer.start("internal endpoints", where.host(), where.port(), handlers));
        } else if (settings.adminPort().isPresent()) {
            admin = Optional.of(InternalServer.start(
                    "admin endpoints",
                    ADMIN_HOST,
                    settings.adminPort().getAsInt(),
                    Map.of("/", adminEndpoints.orElseThrow())));
        }
    }

    /** The admin endpoints' base URI, if they are on (on the admin port, or the internal one). */
    Optional<URI> adminUri() {
        if (internal.isPresent()) {
            return settings.adminToken().isPresent() ? internal.map(InternalServer::uri) : Optional.empty();
        }
        return admin.map(InternalServer::uri);
    }

    /** The internal listener's base URI, if {@code --internal-port} is set. */
    Optional<URI> internalUri() {
        return internal.map(InternalServer::uri);
    }

    @Override
    public void close() {
        admin.ifPresent(InternalServer::close);
        internal.ifPresent(InternalServer::close);
    }
}

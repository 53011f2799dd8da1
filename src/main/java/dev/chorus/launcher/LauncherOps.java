package dev.chorus.launcher;

import dev.chorus.admin.AdminEndpoint;
import dev.chorus.admin.Controls;
import dev.chorus.chat.ChatRoom;
import dev.chorus.health.HealthEndpoint;
import dev.chorus.metrics.MetricsEndpoint;
import dev.chorus.settings.Operations;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * The launcher's operations side, wired in one place: metrics and health beside the page on the chat
 * port(s), the admission guard before every upgrade, connection tracking for abrupt disconnects, and the
 * admin listener on 127.0.0.1 when {@code --admin-port} is given.
 */
final class LauncherOps implements AutoCloseable {

    private final Operations settings;
    private final ChatRoom room;
    private final ConnectionTracker connections = new ConnectionTracker();
    private Optional<AdminServer> admin = Optional.empty();

    private LauncherOps(Operations settings, ChatRoom room) {
        this.settings = settings;
        this.room = room;
    }

    /** Registers everything on {@code http} and its chat {@code listeners}; call before {@code http} starts. */
    static LauncherOps wire(HttpServer http, List<NetworkListener> listeners, Operations settings, ChatRoom room) {
        LauncherOps ops = new LauncherOps(settings, room);
        for (NetworkListener listener : listeners) {
            listener.registerAddOn(new AdmissionAddOn(room, settings.retryAfterSeconds()));
            ops.connections.watch(listener);
        }
        settings.metricsPath().ifPresent(path -> http.getServerConfiguration()
                .addHttpHandler(new OpsHandler(path, new MetricsEndpoint(room::metrics), 0), path));
        settings.healthPath().ifPresent(path -> http.getServerConfiguration()
                .addHttpHandler(new OpsHandler(path, new HealthEndpoint(room::admission), 0), path + "/*"));
        return ops;
    }

    /** Starts the admin listener, if configured; call once the chat port is up. */
    void start() throws IOException {
        if (settings.adminPort().isPresent()) {
            Controls controls = new Controls(room, connections);
            AdminEndpoint endpoint = new AdminEndpoint(settings.adminToken().orElseThrow(), () -> controls);
            admin = Optional.of(AdminServer.start(settings.adminPort().getAsInt(), endpoint));
        }
    }

    /** The admin endpoints' base URI, if they are on. */
    Optional<URI> adminUri() {
        return admin.map(AdminServer::uri);
    }

    @Override
    public void close() {
        admin.ifPresent(AdminServer::close);
    }
}

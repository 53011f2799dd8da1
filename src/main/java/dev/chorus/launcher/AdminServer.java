package dev.chorus.launcher;

import dev.chorus.admin.AdminEndpoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * The admin endpoints on a listener of their own, on 127.0.0.1 whatever {@code --host} says: a second Grizzly
 * server, so nothing of the chat port (page, socket, metrics) is served here and nothing of this there.
 */
final class AdminServer implements AutoCloseable {

    /** Loopback only: the admin endpoints are for someone on this machine (or a tunnel they opened). */
    static final String HOST = "127.0.0.1";

    private static final System.Logger LOG = System.getLogger(AdminServer.class.getName());

    private final HttpServer http;
    private final NetworkListener listener;

    private AdminServer(HttpServer http, NetworkListener listener) {
        this.http = http;
        this.listener = listener;
    }

    /** Binds {@code 127.0.0.1:port} and serves {@code endpoint} at its root. */
    static AdminServer start(int port, AdminEndpoint endpoint) throws IOException {
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("chorus-admin", HOST, port);
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(new OpsHandler("", endpoint, OpsHandler.MAX_BODY), "/");
        try {
            http.start();
        } catch (IOException e) {
            http.shutdownNow();
            throw new IOException("admin port " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        AdminServer server = new AdminServer(http, listener);
        LOG.log(Level.INFO, "Chorus admin endpoints on {0}", server.uri());
        return server;
    }

    URI uri() {
        return URI.create("http://" + HOST + ":" + listener.getPort() + "/");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}

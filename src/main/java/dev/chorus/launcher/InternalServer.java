package dev.chorus.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Operations endpoints on a listener of their own (the admin port, or the internal port): a second Grizzly
 * server, so nothing of the chat port (page, socket) is served here and nothing of this there.
 */
final class InternalServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InternalServer.class.getName());

    private final HttpServer http;
    private final NetworkListener listener;
    private final String host;

    private InternalServer(HttpServer http, NetworkListener listener, String host) {
        this.http = http;
        this.listener = listener;
        this.host = host;
    }

    /**
     * Binds {@code host:port} and serves each handler at its mapping (Grizzly's: {@code /metrics},
     * {@code /health/*}, {@code /} for the rest).
     *
     * @param name says what it serves, in the log and in a bind failure, e.g. {@code admin endpoints}
     */
    static InternalServer start(String name, String host, int port, Map<String, HttpHandler> handlers)
            throws IOException {
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("chorus-internal", host, port);
        http.addListener(listener);
        handlers.forEach((mapping, handler) -> http.getServerConfiguration().addHttpHandler(handler, mapping));
        try {
            http.start();
        } catch (IOException e) {
            http.shutdownNow();
            throw new IOException(name + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        InternalServer server = new InternalServer(http, listener, host);
        LOG.log(Level.INFO, "Chorus {0} on {1}", name, server.uri());
        return server;
    }

    URI uri() {
        String literal = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + listener.getPort() + "/");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}

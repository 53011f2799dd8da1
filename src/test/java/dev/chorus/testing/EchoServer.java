package dev.chorus.testing;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLContextConfigurator;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A WebSocket echo server on 127.0.0.1 and a free port, plain ({@code ws}) or with TLS ({@code wss}): Tyrus on
 * a Grizzly listener, built the way the launcher builds its own, so the client can be tested against TLS
 * before the launcher serves it. It offers the subprotocols {@code chat.v1} and {@code chat.v2}.
 */
public final class EchoServer implements AutoCloseable {

    private final HttpServer http;
    private final NetworkListener listener;
    private final Container container;
    private final String scheme;

    private EchoServer(HttpServer http, NetworkListener listener, Container container, String scheme) {
        this.http = http;
        this.listener = listener;
        this.container = container;
        this.scheme = scheme;
    }

    /** A plain {@code ws://} echo server. */
    public static EchoServer plain() throws IOException {
        return start(null);
    }

    /** A {@code wss://} echo server presenting {@code certificate}. */
    public static EchoServer tls(TestCertificates certificate) throws IOException {
        SSLContextConfigurator keys = new SSLContextConfigurator();
        keys.setKeyStoreFile(certificate.keystore().toString());
        keys.setKeyStorePass(TestCertificates.PASSWORD);
        keys.setKeyStoreType("PKCS12");
        return start(keys.createSSLContext(true));
    }

    private static EchoServer start(SSLContext tls) throws IOException {
        Container container = new Container();
        try {
            container.start("", 0);
        } catch (DeploymentException e) {
            throw new IOException("the echo endpoint could not be deployed", e);
        }
        NetworkListener listener = new NetworkListener("echo", "127.0.0.1", 0);
        listener.getFileCache().setEnabled(false);
        if (tls != null) {
            listener.setSecure(true);
            listener.setSSLEngineConfig(new SSLEngineConfigurator(tls, false, false, false));
        }
        listener.registerAddOn(new WebSocketAddOn(container, ""));
        HttpServer http = new HttpServer();
        http.addListener(listener);
        http.start();
        return new EchoServer(http, listener, container, tls == null ? "ws" : "wss");
    }

    /** {@code ws://127.0.0.1:PORT/} or {@code wss://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + listener.getPort() + "/");
    }

    @Override
    public void close() {
        http.shutdownNow();
        container.stop();
    }

    /** Sends every message back as it came. */
    @ServerEndpoint(
            value = "/",
            subprotocols = {"chat.v1", "chat.v2"})
    public static final class Echo {
        @OnMessage
        public String text(String text) {
            return text;
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer data) {
            return data;
        }
    }

    /** Tyrus with only {@link Echo}, attached to the listener by {@link WebSocketAddOn}. */
    private static final class Container extends TyrusServerContainer {
        private final WebSocketEngine engine =
                TyrusWebSocketEngine.builder(this).build();

        Container() {
            super(Set.of(Echo.class));
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "");
        }

        @Override
        public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
            engine.register(serverEndpointConfig, "");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of();
        }
    }
}

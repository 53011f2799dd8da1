package dev.chorus.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import java.io.IOException;
import java.net.URI;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens one Tyrus connection as {@link ClientOptions} say: the handshake timeout, TLS trust, subprotocols
 * and headers; a failure comes back as a classified {@link ConnectFailure}.
 */
final class Connector {

    private Connector() {}

    /** Connects {@code endpoint} to {@code uri}; returns once the handshake succeeded and onOpen has run. */
    static void connect(URI uri, ClientOptions options, Endpoint endpoint) throws ConnectFailure {
        HandshakeExchange exchange = new HandshakeExchange(uri, options);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(exchange)
                .preferredSubprotocols(options.subprotocols())
                .build();
        try {
            manager(options).connectToServer(endpoint, config, uri);
        } catch (DeploymentException | IOException e) {
            try {
                throw ConnectFailure.of(uri, e, exchange, options.handshakeTimeout());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ConnectFailure(ConnectFailure.Kind.OTHER, "interrupted connecting to " + uri, e);
            }
        }
    }

    private static ClientManager manager(ClientOptions options) {
        ClientManager manager = ClientManager.createClient();
        // One Grizzly transport for every connection of this JVM instead of one (with its threads) each.
        manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int)
                options.handshakeTimeout().toMillis());
        SslEngineConfigurator tls = options.trust().engineConfigurator();
        if (tls != null) {
            manager.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, tls);
        }
        return manager;
    }
}
